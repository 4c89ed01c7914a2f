package io.dualgate.alignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dualgate.portfolio.Stage;

/**
 * How prototypes move through the stages, against the mission's benchmarks.
 *
 * @param currentByStage prototypes now in each stage
 * @param reachedByStage prototypes that ever entered each stage
 * @param conversions share reaching the next stage among those that reached a stage
 * @param productionWithin12Months registered at least 12 months ago and in PRODUCTION
 * within 12 months of registration, against 11.7 %
 * @param pilotToProduction reached PRODUCTION among those that reached PILOT, against 5 %
 * @param medianWeeksToPoc median weeks from registration to POC, against 8.4 (dual track)
 * and 14.2 (traditional); {@code null} when no prototype reached POC
 * @param prototypesAtPoc how many prototypes the median is over
 */
record PortfolioFlow(Map<Stage, Long> currentByStage, Map<Stage, Long> reachedByStage, List<Conversion> conversions,
		Share productionWithin12Months, Share pilotToProduction, Double medianWeeksToPoc, long prototypesAtPoc) {

	static final double PRODUCTION_12_MONTHS_BENCHMARK_PCT = 11.7;

	static final double PILOT_TO_PRODUCTION_BENCHMARK_PCT = 5.0;

	static final double WEEKS_TO_POC_DUAL_TRACK = 8.4;

	static final double WEEKS_TO_POC_TRADITIONAL = 14.2;

	static final List<Stage> FUNNEL = List.of(Stage.PROTOTYPE, Stage.POC, Stage.PILOT, Stage.PRODUCTION);

	/**
	 * A share with its counts; {@code percent} is {@code null} when nothing is in the
	 * denominator.
	 */
	record Share(long numerator, long denominator, Double percent, double benchmarkPct) {

		static Share of(long numerator, long denominator, double benchmarkPct) {
			return new Share(numerator, denominator, (denominator > 0) ? 100.0 * numerator / denominator : null,
					benchmarkPct);
		}

		/** Whether the share beats the benchmark; {@code null} without data. */
		public Boolean beatsBenchmark() {
			return (this.percent != null) ? this.percent > this.benchmarkPct : null;
		}

	}

	record Conversion(Stage from, Stage to, long fromCount, long toCount, Double percent) {
	}

	static PortfolioFlow of(Map<Stage, Long> current, Map<Stage, Long> reached, long cohort, long cohortInProduction,
			Double medianWeeksToPoc, long prototypesAtPoc) {
		List<Conversion> conversions = new ArrayList<>();
		for (int i = 0; i + 1 < FUNNEL.size(); i++) {
			Stage from = FUNNEL.get(i);
			Stage to = FUNNEL.get(i + 1);
			long fromCount = reached.get(from);
			long toCount = reached.get(to);
			conversions.add(
					new Conversion(from, to, fromCount, toCount, (fromCount > 0) ? 100.0 * toCount / fromCount : null));
		}
		return new PortfolioFlow(current, reached, conversions,
				Share.of(cohortInProduction, cohort, PRODUCTION_12_MONTHS_BENCHMARK_PCT),
				Share.of(reached.get(Stage.PRODUCTION), reached.get(Stage.PILOT), PILOT_TO_PRODUCTION_BENCHMARK_PCT),
				medianWeeksToPoc, prototypesAtPoc);
	}

	/** Whether the median beats the dual-track benchmark (at most 8.4 weeks). */
	public Boolean medianWithinDualTrack() {
		return (this.medianWeeksToPoc != null) ? this.medianWeeksToPoc <= WEEKS_TO_POC_DUAL_TRACK : null;
	}

	public double weeksToPocDualTrack() {
		return WEEKS_TO_POC_DUAL_TRACK;
	}

	public double weeksToPocTraditional() {
		return WEEKS_TO_POC_TRADITIONAL;
	}

}
