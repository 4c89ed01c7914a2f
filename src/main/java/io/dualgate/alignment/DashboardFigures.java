package io.dualgate.alignment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.dualgate.alignment.AlignmentFigures.PairPoint;
import io.dualgate.alignment.AlignmentFigures.PrototypeRef;
import io.dualgate.alignment.AlignmentFigures.SeriesPoint;
import io.dualgate.alignment.AlignmentFigures.StatisticsRow;
import io.dualgate.alignment.AlignmentReport.PairResult;
import io.dualgate.alignment.AlignmentReport.PrototypeStatistics;
import io.dualgate.alignment.DashboardDataVersion.DataState;
import io.dualgate.alignment.GatePerformanceFigures.GatePerformance;
import io.dualgate.alignment.MaturityGridFigures.MaturityGrid;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;

/**
 * The dashboard's figures, each computed once per {@link DataState} of what it reads and
 * kept in the dashboard cache (see {@link DashboardCacheConfiguration}); concurrent
 * requests for the same figure share one computation ({@code sync}). Every method takes
 * the state its figure depends on, read by the caller before the call
 * ({@link AlignmentDashboard} says which scopes each figure reads), so a change
 * recomputes only the figures that read it: a new observation of one metric, the pairs of
 * that metric.
 */
@Component
@CacheConfig(cacheNames = DashboardCacheConfiguration.CACHE, keyGenerator = DashboardCacheConfiguration.KEYS)
class DashboardFigures {

	/** Points a chart shows; the CSV export has all of them. */
	static final int CHART_POINTS = 300;

	private final AlignmentFigures figures;

	private final AlignmentPairRepository pairs;

	private final ObjectProvider<GatePerformanceFigures> gatePerformance;

	private final ObjectProvider<MaturityGridFigures> maturityGrid;

	private final Clock clock;

	DashboardFigures(AlignmentFigures figures, AlignmentPairRepository pairs,
			ObjectProvider<GatePerformanceFigures> gatePerformance, ObjectProvider<MaturityGridFigures> maturityGrid,
			Clock clock) {
		this.figures = figures;
		this.pairs = pairs;
		this.gatePerformance = gatePerformance;
		this.maturityGrid = maturityGrid;
		this.clock = clock;
	}

	@Cacheable(sync = true)
	public List<PairDefinition> pairs(DataState state) {
		return this.pairs.findAllByOrderByPositionAscIdAsc().stream().map(AlignmentPair::definition).toList();
	}

	/** One pair's statistics and (for the chart) latest points. */
	@Cacheable(sync = true)
	public PairResult pair(PairDefinition pair, AlignmentFilter filter, boolean withPoints, DataState state) {
		PairStatistics portfolio = PairStatistics.of(pair, 0, null, null, null, null, null);
		List<PrototypeStatistics> perPrototype = new ArrayList<>();
		AlignmentFigures.PairRows rows = this.figures.statistics(pair, filter, withPoints ? CHART_POINTS : 0);
		for (StatisticsRow row : rows.statistics()) {
			PairStatistics statistics = PairStatistics.of(pair, row.n(), row.r(), row.rho(), row.slope(),
					row.intercept(), row.rSquared());
			if (row.prototypeId() == null) {
				portfolio = statistics;
			}
			else {
				perPrototype.add(new PrototypeStatistics(row.key(), row.name(), statistics));
			}
		}
		List<PairPoint> points = rows.points();
		boolean truncated = withPoints && portfolio.n() > points.size();
		return new PairResult(pair, portfolio, perPrototype, points, truncated);
	}

	/** The stage funnel, the 12-month production cohort and the time to POC. */
	@Cacheable(sync = true)
	public PortfolioFlow flow(AlignmentFilter filter, DataState state) {
		return this.figures.flow(filter, this.clock.instant());
	}

	/**
	 * Gate response times and scorecards, or {@code null} without a gate module or gates.
	 */
	@Cacheable(sync = true)
	public Optional<GatePerformance> gates(AlignmentFilter filter, DataState state) {
		GatePerformanceFigures gates = this.gatePerformance.getIfAvailable();
		return (gates != null) ? gates.compute(filter, this.clock.instant()) : Optional.empty();
	}

	/** The maturity grid, or empty without a maturity module or assessments. */
	@Cacheable(sync = true)
	public Optional<MaturityGrid> grid(AlignmentFilter filter, DataState state) {
		MaturityGridFigures grid = this.maturityGrid.getIfAvailable();
		return (grid != null) ? grid.compute(filter) : Optional.empty();
	}

	@Cacheable(sync = true)
	public List<SeriesPoint> series(long prototypeId, List<String> metricKeys, AlignmentFilter filter,
			DataState state) {
		return this.figures.weeklyMeans(prototypeId, metricKeys, filter);
	}

	@Cacheable(sync = true)
	public List<PrototypeRef> prototypes(AlignmentFilter filter, DataState state) {
		return this.figures.prototypes(filter);
	}

	@Cacheable(sync = true)
	public List<String> verticals(DataState state) {
		return this.figures.verticals();
	}

}
