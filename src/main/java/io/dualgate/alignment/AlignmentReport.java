package io.dualgate.alignment;

import java.util.List;

import io.dualgate.alignment.AlignmentFigures.PairPoint;
import io.dualgate.alignment.GatePerformanceFigures.GatePerformance;
import io.dualgate.alignment.MaturityGridFigures.MaturityGrid;

/**
 * Every figure of the dashboard for one filter. Gate performance and the maturity grid
 * are {@code null} until their sources exist (see {@link GatePerformanceFigures}).
 */
record AlignmentReport(AlignmentFilter filter, List<PairResult> pairs, PortfolioFlow flow,
		GatePerformance gatePerformance, MaturityGrid maturityGrid) {

	/**
	 * One pair: portfolio figures, figures per prototype, and (for the chart) the latest
	 * points.
	 */
	record PairResult(PairDefinition pair, PairStatistics portfolio, List<PrototypeStatistics> prototypes,
			List<PairPoint> points, boolean pointsTruncated) {

	}

	record PrototypeStatistics(String key, String name, PairStatistics statistics) {
	}

}
