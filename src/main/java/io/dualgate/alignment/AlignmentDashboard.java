package io.dualgate.alignment;

import java.time.Clock;
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

import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Assembles the dashboard: SQL aggregates from {@link AlignmentFigures}, inference in Java.
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

	/** A few threads for the pairs' statements: the pool is small and the pairs are few. */
	private final ExecutorService executor = Executors.newFixedThreadPool(3, (task) -> {
		Thread thread = new Thread(task, "alignment-pairs");
		thread.setDaemon(true);
		return thread;
	});

	AlignmentDashboard(AlignmentFigures figures, AlignmentPairRepository pairs,
			ObjectProvider<GatePerformanceFigures> gatePerformance, ObjectProvider<MaturityGridFigures> maturityGrid,
			Clock clock) {
		this.figures = figures;
		this.pairs = pairs;
		this.gatePerformance = gatePerformance;
		this.maturityGrid = maturityGrid;
		this.clock = clock;
	}

	List<PairDefinition> pairs() {
		return this.pairs.findAllByOrderByPositionAscIdAsc().stream().map(AlignmentPair::definition).toList();
	}

	/**
	 * All figures. The pairs are independent read-only statements, so they run side by side on
	 * their own connections; the page waits for the slowest instead of the sum.
	 */
	AlignmentReport report(AlignmentFilter filter, boolean withPoints) {
		List<CompletableFuture<PairResult>> futures = new ArrayList<>();
		for (PairDefinition pair : pairs()) {
			futures.add(CompletableFuture.supplyAsync(() -> pair(pair, filter, withPoints), this.executor));
		}
		PortfolioFlow flow = this.figures.flow(filter, this.clock.instant());
		List<PairResult> results = futures.stream().map(AlignmentDashboard::await).toList();
		GatePerformanceFigures gates = this.gatePerformance.getIfAvailable();
		MaturityGridFigures grid = this.maturityGrid.getIfAvailable();
		return new AlignmentReport(filter, results, flow,
				(gates != null) ? gates.compute(filter).orElse(null) : null,
				(grid != null) ? grid.compute(filter).orElse(null) : null);
	}

	private static PairResult await(CompletableFuture<PairResult> future) {
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
		return this.figures.weeklyMeans(prototype.id(), keys, filter);
	}

	List<PrototypeRef> prototypes(AlignmentFilter filter) {
		return this.figures.prototypes(filter);
	}

	List<String> verticals() {
		return this.figures.verticals();
	}

	List<String> metricKeys() {
		return this.figures.metricKeys();
	}

	Clock clock() {
		return this.clock;
	}

}
