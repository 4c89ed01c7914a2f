package io.dualgate.portfolio;

import java.time.Instant;

/**
 * A decision, taken in another module, that a prototype moves one stage on (a dual-sign
 * gate approved, for one). Published as an event; the portfolio moves the stage in the
 * same transaction, so that the decision and the move commit together or not at all.
 */
public interface StageDecision {

	long prototypeId();

	Stage fromStage();

	Stage toStage();

	/** The person whose act completed the decision. */
	long decidedBy();

	Instant at();

	/** Why, for the stage history and the audit trail. */
	String reason();

}
