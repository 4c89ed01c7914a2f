package io.dualgate.alignment;

import java.util.Optional;

/**
 * The 3x3 maturity grid as counts of prototypes per dimension and level, from each
 * prototype's latest assessment up to the end of the filter's window.
 */
interface MaturityGridFigures {

	/** Empty when no prototype matching the filter has been assessed. */
	Optional<MaturityGrid> compute(AlignmentFilter filter);

	/**
	 * @param counts {@code counts[dimension][level - 1]}; dimensions in the order
	 * technical validation depth, customer value mapping, compliance readiness
	 * @param assessed prototypes with at least one assessment
	 */
	record MaturityGrid(long[][] counts, long assessed) {
	}

}
