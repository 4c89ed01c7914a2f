package io.dualgate.gate;

/**
 * What a gate decides: a prototype's move to its next stage, or a capability's move to
 * its next autonomy level. Both take the same two signatures.
 */
public enum GateKind {

	/** PROTOTYPE -> POC -> PILOT -> PRODUCTION. */
	STAGE,

	/** SUGGEST -> DRAFT_FOR_REVIEW -> ACT, for one capability of a prototype. */
	AUTONOMY

}
