package io.dualgate.alignment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.dualgate.alignment.AlignmentFigures.PairPoint;
import io.dualgate.alignment.AlignmentFigures.PrototypeRef;
import io.dualgate.alignment.AlignmentFigures.SeriesPoint;
import io.dualgate.alignment.AlignmentReport.PairResult;
import io.dualgate.alignment.DashboardDataVersion.DataState;
import io.dualgate.alignment.DashboardDataVersion.State;
import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Service;

import static io.dualgate.alignment.DashboardDataVersion.ALL_OBSERVATIONS;
import static io.dualgate.alignment.DashboardDataVersion.observations;

/**
 * The dashboard for its pages and API: reads the data state first, then asks for each
 * figure at the state of what that figure reads (cached, see {@link DashboardFigures}),
 * so a new observation, signature or decision is shown on the next request, and only the
 * figures that read it are computed again.
 */
@Service
class AlignmentDashboard {

	/** What the pair definitions read. */
	static final Set<String> PAIR_DEFINITIONS = Set.of("alignment_pair", "metric_definition");

	/** What every figure filtered by vertical and stage, or naming prototypes, reads. */
	static final String PROTOTYPES = "prototype";

	/** What the funnel, the cohort and the time to POC read. */
	static final Set<String> FLOW = Set.of(PROTOTYPES, "stage_change");

	/**
	 * What the gate figures read: gates, signatures, the PMs' names and the latest
	 * renewal rates (Delivery PM scorecards).
	 */
	static final Set<String> GATES = Set.of(PROTOTYPES, "gate", "gate_signature", "app_user",
			observations("renewal_rate_pct"), ALL_OBSERVATIONS);

	/** What the maturity grid reads. */
	static final Set<String> GRID = Set.of(PROTOTYPES, "maturity_assessment");

	private final DashboardFigures cached;

	private final DashboardDataVersion version;

	private final AlignmentFigures figures;

	private final Clock clock;

	/**
	 * A few threads for the pairs' statements: the pool is small and the pairs are few.
	 */
	private final ExecutorService executor = Executors.newFixedThreadPool(4, (task) -> {
		Thread thread = new Thread(task, "alignment-pairs");
		thread.setDaemon(true);
		return thread;
	});

	AlignmentDashboard(DashboardFigures cached, DashboardDataVersion version, AlignmentFigures figures, Clock clock) {
		this.cached = cached;
		this.version = version;
		this.figures = figures;
		this.clock = clock;
	}

	List<PairDefinition> pairs() {
		return pairs(this.version.current());
	}

	private List<PairDefinition> pairs(State state) {
		return this.cached.pairs(state.of(PAIR_DEFINITIONS, Instant.MAX));
	}

	/**
	 * All figures; {@code withPoints} adds the latest points of every pair. The pairs are
	 * independent read-only statements, so those not cached run side by side on their own
	 * connections; the page waits for the slowest instead of the sum.
	 */
	AlignmentReport report(AlignmentFilter filter, boolean withPoints) {
		State state = this.version.current();
		List<CompletableFuture<PairResult>> futures = new ArrayList<>();
		for (PairDefinition pair : pairs(state)) {
			DataState pairState = state.of(Set.of(PROTOTYPES, observations(pair.technicalMetric()),
					observations(pair.businessMetric()), ALL_OBSERVATIONS), Instant.MAX);
			futures.add(CompletableFuture.supplyAsync(() -> this.cached.pair(pair, filter, withPoints, pairState),
					this.executor));
		}
		CompletableFuture<GatePerformanceFigures.GatePerformance> gates = CompletableFuture.supplyAsync(
				() -> this.cached.gates(filter, state.of(GATES, state.nextOverdue())).orElse(null), this.executor);
		PortfolioFlow flow = this.cached.flow(filter, state.of(FLOW, state.nextCohort()));
		MaturityGridFigures.MaturityGrid grid = this.cached.grid(filter, state.of(GRID, Instant.MAX)).orElse(null);
		List<PairResult> results = futures.stream().map(AlignmentDashboard::await).toList();
		return new AlignmentReport(filter, results, flow, await(gates), grid);
	}

	/** The weekly means of every metric of the pairs, for one prototype. */
	List<SeriesPoint> series(PrototypeRef prototype, AlignmentFilter filter) {
		State state = this.version.current();
		List<String> keys = pairs(state).stream()
			.flatMap((pair) -> Stream.of(pair.technicalMetric(), pair.businessMetric()))
			.distinct()
			.toList();
		if (keys.isEmpty()) {
			return List.of();
		}
		List<String> scopes = new ArrayList<>(keys.stream().map(DashboardDataVersion::observations).toList());
		scopes.add(ALL_OBSERVATIONS);
		return this.cached.series(prototype.id(), keys, filter, state.of(scopes, Instant.MAX));
	}

	List<PrototypeRef> prototypes(AlignmentFilter filter) {
		return this.cached.prototypes(filter, this.version.current().of(Set.of(PROTOTYPES), Instant.MAX));
	}

	List<String> verticals() {
		return this.cached.verticals(this.version.current().of(Set.of(PROTOTYPES), Instant.MAX));
	}

	/** Every paired point, streamed straight from the database (CSV export). */
	void eachPoint(PairDefinition pair, AlignmentFilter filter, Consumer<PairPoint> consumer) {
		this.figures.eachPoint(pair, filter, consumer);
	}

	List<String> metricKeys() {
		return this.figures.metricKeys();
	}

	Clock clock() {
		return this.clock;
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
