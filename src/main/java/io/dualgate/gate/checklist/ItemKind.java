package io.dualgate.gate.checklist;

/**
 * What kind of answer a checklist item takes.
 */
public enum ItemKind {

	/** Yes or no: "the fallback plan is complete". */
	ATTESTATION,

	/** A measured value with a unit, compared with a threshold. */
	MEASURE,

	/** A link to the evidence (a white paper, a signed agreement). */
	EVIDENCE_LINK,

	/**
	 * A value DualGate computes from data over a window (an acceptance rate over at least
	 * N cases in the last M days, a pass rate of a recent eval run), compared with a
	 * threshold. Never typed.
	 */
	COMPUTED

}
