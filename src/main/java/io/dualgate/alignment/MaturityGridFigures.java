package io.dualgate.alignment;

import java.util.Optional;

/**
 * The 3x3 maturity grid as counts of prototypes per dimension and level (latest assessment). The
 * assessments belong to the evidence module, built in parallel: until an implementation reading
 * them is registered, the dashboard says "no data yet".
 */
interface MaturityGridFigures {

	Optional<MaturityGrid> compute(AlignmentFilter filter);

	/**
	 * @param counts {@code counts[dimension][level - 1]}; dimensions in the order technical
	 * validation depth, customer value mapping, compliance readiness
	 * @param assessed prototypes with at least one assessment
	 */
	record MaturityGrid(long[][] counts, long assessed) {
	}

}
