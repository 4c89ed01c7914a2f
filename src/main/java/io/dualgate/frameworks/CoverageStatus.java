package io.dualgate.frameworks;

/**
 * How far a control is met for one prototype, judged on the latest gate whose items cite
 * it.
 */
public enum CoverageStatus {

	/** Covered, and every citing item of that gate passes. */
	PASS,

	/** Covered, but a citing item fails or its evidence expired. */
	FAIL,

	/** Covered, but a citing item is not answered yet. */
	OPEN,

	/** No item of the prototype's gates cites it. */
	NOT_COVERED,

	/** Recorded as not applicable to this prototype, with a justification. */
	NOT_APPLICABLE

}
