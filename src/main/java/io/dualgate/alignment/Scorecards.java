package io.dualgate.alignment;

import java.time.LocalDate;
import java.util.Optional;

import io.dualgate.alignment.GatePerformanceFigures.GatePerformance;

import org.springframework.stereotype.Service;

/**
 * Each track judged on its own figure, as the dashboard shows it over its default window
 * (the last 52 weeks): the Exploration PM on the robustness pass rate of their gates'
 * technical tracks, the Delivery PM on the first-year renewal rate of their prototypes.
 * Published for other modules' pages (a prototype's OKR shows its PMs' scorecards).
 */
@Service
public class Scorecards {

	private final AlignmentDashboard dashboard;

	Scorecards(AlignmentDashboard dashboard) {
		this.dashboard = dashboard;
	}

	/**
	 * One PM's figure.
	 *
	 * @param valuePct the pass rate or renewal rate, null without a basis
	 * @param basis technical tracks signed, or prototypes with a renewal rate
	 * @param passed technical tracks approved without invalidation (exploration only)
	 * @param from first day of the window
	 * @param to last day of the window
	 */
	public record Scorecard(long pmId, String name, Double valuePct, long basis, long passed, LocalDate from,
			LocalDate to) {
	}

	/** The robustness pass rate of this Exploration PM's gates. */
	public Optional<Scorecard> exploration(long pmId) {
		AlignmentFilter filter = defaultFilter();
		return performance(filter).flatMap((gates) -> gates.explorationPms()
			.stream()
			.filter((score) -> score.pmId() == pmId)
			.findFirst()
			.map((score) -> new Scorecard(pmId, score.name(), score.passRatePct(), score.technicalTracksSigned(),
					score.approvedWithoutInvalidation(), filter.from(), filter.to())));
	}

	/** The first-year renewal rate behind this Delivery PM. */
	public Optional<Scorecard> delivery(long pmId) {
		AlignmentFilter filter = defaultFilter();
		return performance(filter).flatMap((gates) -> gates.deliveryPms()
			.stream()
			.filter((score) -> score.pmId() == pmId)
			.findFirst()
			.map((score) -> new Scorecard(pmId, score.name(), score.renewalRatePct(), score.prototypes(), 0,
					filter.from(), filter.to())));
	}

	private AlignmentFilter defaultFilter() {
		return AlignmentFilter.of(null, null, null, null, null, this.dashboard.clock());
	}

	private Optional<GatePerformance> performance(AlignmentFilter filter) {
		return Optional.ofNullable(this.dashboard.report(filter, false).gatePerformance());
	}

}
