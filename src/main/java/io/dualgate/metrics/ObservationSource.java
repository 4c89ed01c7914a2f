package io.dualgate.metrics;

/**
 * Where an observation came from.
 */
public enum ObservationSource {

	FORM, CSV, API, POC, DEMO,

	/** Derived from human feedback by DualGate. */
	FEEDBACK,

	/** Derived from eval runs by DualGate. */
	EVAL

}
