package io.dualgate.alignment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.dualgate.alignment.AlignmentFigures.PairPoint;
import io.dualgate.alignment.AlignmentFigures.PrototypeRef;
import io.dualgate.alignment.AlignmentFigures.SeriesPoint;
import io.dualgate.alignment.AlignmentFigures.StatisticsRow;
import io.dualgate.alignment.AlignmentReport.PairResult;
import io.dualgate.alignment.AlignmentReport.PrototypeStatistics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles the dashboard: SQL aggregates from {@link AlignmentFigures}, inference in Java.
 */
@Service
@Transactional(readOnly = true)
class AlignmentDashboard {

	/** Points a chart shows; the CSV export has all of them. */
	static final int CHART_POINTS = 300;

	private final AlignmentFigures figures;

	private final AlignmentPairRepository pairs;

	private final ObjectProvider<GatePerformanceFigures> gatePerformance;

	private final ObjectProvider<MaturityGridFigures> maturityGrid;

	private final Clock clock;

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

	AlignmentReport report(AlignmentFilter filter, boolean withPoints) {
		List<PairResult> results = new ArrayList<>();
		for (PairDefinition pair : pairs()) {
			results.add(pair(pair, filter, withPoints));
		}
		GatePerformanceFigures gates = this.gatePerformance.getIfAvailable();
		MaturityGridFigures grid = this.maturityGrid.getIfAvailable();
		return new AlignmentReport(filter, results, this.figures.flow(filter, this.clock.instant()),
				(gates != null) ? gates.compute(filter).orElse(null) : null,
				(grid != null) ? grid.compute(filter).orElse(null) : null);
	}

	PairResult pair(PairDefinition pair, AlignmentFilter filter, boolean withPoints) {
		PairStatistics portfolio = PairStatistics.of(pair, 0, null, null, null, null, null);
		List<PrototypeStatistics> perPrototype = new ArrayList<>();
		for (StatisticsRow row : this.figures.statistics(pair, filter)) {
			PairStatistics statistics = PairStatistics.of(pair, row.n(), row.r(), row.rho(), row.slope(),
					row.intercept(), row.rSquared());
			if (row.prototypeId() == null) {
				portfolio = statistics;
			}
			else {
				perPrototype.add(new PrototypeStatistics(row.key(), row.name(), statistics));
			}
		}
		List<PairPoint> points = List.of();
		boolean truncated = false;
		if (withPoints && portfolio.n() > 0) {
			points = this.figures.points(pair, filter, CHART_POINTS);
			truncated = portfolio.n() > points.size();
		}
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
