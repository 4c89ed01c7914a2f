package io.dualgate.alignment;

/**
 * Where a pair stands against its target.
 */
enum PairStatus {

	MET, NOT_MET,
	/** Fewer than three paired weeks: no figure is shown. */
	TOO_FEW_POINTS,
	/** One of the series does not vary, so r is undefined. */
	NO_VARIATION

}
