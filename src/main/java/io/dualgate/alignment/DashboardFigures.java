package io.dualgate.alignment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import io.dualgate.alignment.AlignmentFigures.PairPoint;
import io.dualgate.alignment.AlignmentFigures.PrototypeRef;
import io.dualgate.alignment.AlignmentFigures.SeriesPoint;
import io.dualgate.alignment.AlignmentFigures.StatisticsRow;
import io.dualgate.alignment.AlignmentReport.PairResult;
import io.dualgate.alignment.AlignmentReport.PrototypeStatistics;
import io.dualgate.alignment.DashboardDataVersion.DataState;
import io.dualgate.alignment.GatePerformanceFigures.GatePerformance;
import io.dualgate.alignment.MaturityGridFigures.MaturityGrid;
import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;

/**
 * The dashboard's figures, computed once per {@link DataState} and kept in the dashboard
 * cache (see {@link DashboardCacheConfiguration}); concurrent requests for the same
 * figures share one computation ({@code sync}). Every method takes the state its figures
 * depend on, read by the caller before the call.
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

	/**
	 * A few threads for the pairs' statements: the pool is small and the pairs are few.
	 */
	private final ExecutorService executor = Executors.newFixedThreadPool(4, (task) -> {
		Thread thread = new Thread(task, "alignment-pairs");
		thread.setDaemon(true);
		return thread;
	});

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
		return loadPairs();
	}

	/**
	 * All figures. The pairs are independent read-only statements, so they run side by
	 * side on their own connections; the page waits for the slowest instead of the sum.
	 */
	@Cacheable(sync = true)
	public AlignmentReport report(AlignmentFilter filter, boolean withPoints, DataState state) {
		List<CompletableFuture<PairResult>> futures = new ArrayList<>();
		for (PairDefinition pair : loadPairs()) {
			futures.add(CompletableFuture.supplyAsync(() -> pair(pair, filter, withPoints), this.executor));
		}
		Instant now = this.clock.instant();
		GatePerformanceFigures gates = this.gatePerformance.getIfAvailable();
		MaturityGridFigures grid = this.maturityGrid.getIfAvailable();
		CompletableFuture<GatePerformance> gateFigures = CompletableFuture
			.supplyAsync(() -> (gates != null) ? gates.compute(filter, now).orElse(null) : null, this.executor);
		PortfolioFlow flow = this.figures.flow(filter, now);
		MaturityGrid gridFigures = (grid != null) ? grid.compute(filter).orElse(null) : null;
		List<PairResult> results = futures.stream().map(DashboardFigures::await).toList();
		return new AlignmentReport(filter, results, flow, await(gateFigures), gridFigures);
	}

	@Cacheable(sync = true)
	public List<SeriesPoint> series(long prototypeId, AlignmentFilter filter, DataState state) {
		List<String> keys = loadPairs().stream()
			.flatMap((pair) -> Stream.of(pair.technicalMetric(), pair.businessMetric()))
			.distinct()
			.toList();
		return this.figures.weeklyMeans(prototypeId, keys, filter);
	}

	@Cacheable(sync = true)
	public List<PrototypeRef> prototypes(AlignmentFilter filter, DataState state) {
		return this.figures.prototypes(filter);
	}

	@Cacheable(sync = true)
	public List<String> verticals(DataState state) {
		return this.figures.verticals();
	}

	private List<PairDefinition> loadPairs() {
		return this.pairs.findAllByOrderByPositionAscIdAsc().stream().map(AlignmentPair::definition).toList();
	}

	private PairResult pair(PairDefinition pair, AlignmentFilter filter, boolean withPoints) {
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

	private static <T> T await(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
	}

	@PreDestroy
	void stop() {
		this.executor.shutdownNow();
	}

}
