package io.dualgate.alignment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import io.dualgate.alignment.AlignmentFigures.PairPoint;
import io.dualgate.alignment.AlignmentFigures.PrototypeRef;
import io.dualgate.alignment.AlignmentFigures.SeriesPoint;
import io.dualgate.alignment.AlignmentFigures.StatisticsRow;
import io.dualgate.alignment.AlignmentReport.PairResult;
import io.dualgate.alignment.AlignmentReport.PrototypeStatistics;
import io.dualgate.alignment.GatePerformanceFigures.GatePerformance;
import io.dualgate.alignment.MaturityGridFigures.MaturityGrid;

import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Assembles the dashboard: SQL aggregates from {@link AlignmentFigures}, inference in
 * Java.
 */
@Service
class AlignmentDashboard {

	/** Points a chart shows; the CSV export has all of them. */
	static final int CHART_POINTS = 300;

	private final AlignmentFigures figures;

	private final AlignmentPairRepository pairs;

	private final ObjectProvider<GatePerformanceFigures> gatePerformance;

	private final ObjectProvider<MaturityGridFigures> maturityGrid;

	private final Clock clock;

	private final DashboardCache cache;

	/**
	 * A few threads for the pairs' statements: the pool is small and the pairs are few.
	 */
	private final ExecutorService executor = Executors.newFixedThreadPool(4, (task) -> {
		Thread thread = new Thread(task, "alignment-pairs");
		thread.setDaemon(true);
		return thread;
	});

	AlignmentDashboard(AlignmentFigures figures, AlignmentPairRepository pairs,
			ObjectProvider<GatePerformanceFigures> gatePerformance, ObjectProvider<MaturityGridFigures> maturityGrid,
			Clock clock, DashboardCache cache) {
		this.cache = cache;
		this.figures = figures;
		this.pairs = pairs;
		this.gatePerformance = gatePerformance;
		this.maturityGrid = maturityGrid;
		this.clock = clock;
	}

	List<PairDefinition> pairs() {
		return this.cache.get("pairs", this::loadPairs);
	}

	private List<PairDefinition> loadPairs() {
		return this.pairs.findAllByOrderByPositionAscIdAsc().stream().map(AlignmentPair::definition).toList();
	}

	/**
	 * All figures, from the cache while no data they depend on changed (see
	 * {@link DashboardCache}).
	 */
	AlignmentReport report(AlignmentFilter filter, boolean withPoints) {
		return this.cache.get(new ReportKey(filter, withPoints), () -> compute(filter, withPoints));
	}

	private record ReportKey(AlignmentFilter filter, boolean withPoints) {
	}

	private record SeriesKey(long prototypeId, AlignmentFilter filter) {
	}

	private record PrototypesKey(AlignmentFilter filter) {
	}

	/**
	 * All figures, computed. The pairs are independent read-only statements, so they run
	 * side by side on their own connections; the page waits for the slowest instead of
	 * the sum.
	 */
	AlignmentReport compute(AlignmentFilter filter, boolean withPoints) {
		List<CompletableFuture<PairResult>> futures = new ArrayList<>();
		for (PairDefinition pair : pairs()) {
			futures.add(CompletableFuture.supplyAsync(() -> pair(pair, filter, withPoints), this.executor));
		}
		Instant now = this.clock.instant();
		GatePerformanceFigures gates = this.gatePerformance.getIfAvailable();
		MaturityGridFigures grid = this.maturityGrid.getIfAvailable();
		CompletableFuture<GatePerformance> gateFigures = CompletableFuture
			.supplyAsync(() -> (gates != null) ? gates.compute(filter, now).orElse(null) : null, this.executor);
		PortfolioFlow flow = this.figures.flow(filter, now);
		MaturityGrid gridFigures = (grid != null) ? grid.compute(filter).orElse(null) : null;
		List<PairResult> results = futures.stream().map(AlignmentDashboard::await).toList();
		return new AlignmentReport(filter, results, flow, await(gateFigures), gridFigures);
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

	PairResult pair(PairDefinition pair, AlignmentFilter filter, boolean withPoints) {
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

	void eachPoint(PairDefinition pair, AlignmentFilter filter, Consumer<PairPoint> consumer) {
		this.figures.eachPoint(pair, filter, consumer);
	}

	List<SeriesPoint> series(PrototypeRef prototype, AlignmentFilter filter) {
		List<String> keys = pairs().stream()
			.flatMap((pair) -> java.util.stream.Stream.of(pair.technicalMetric(), pair.businessMetric()))
			.distinct()
			.toList();
		return this.cache.get(new SeriesKey(prototype.id(), filter),
				() -> this.figures.weeklyMeans(prototype.id(), keys, filter));
	}

	List<PrototypeRef> prototypes(AlignmentFilter filter) {
		return this.cache.get(new PrototypesKey(filter), () -> this.figures.prototypes(filter));
	}

	List<String> verticals() {
		return this.cache.get("verticals", this.figures::verticals);
	}

	List<String> metricKeys() {
		return this.figures.metricKeys();
	}

	Clock clock() {
		return this.clock;
	}

}
