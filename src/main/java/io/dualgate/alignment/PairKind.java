package io.dualgate.alignment;

/**
 * Whether a pair is read as a correlation (target on r) or a regression (slope with its
 * test).
 */
enum PairKind {

	CORRELATION, REGRESSION

}
