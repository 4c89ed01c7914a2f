package io.dualgate.learning.evals;

import java.time.Instant;

import io.dualgate.gate.GateStatus;
import io.dualgate.portfolio.Stage;

/**
 * What a deploy pipeline asks before it ships: may this prototype be released at this
 * stage now? {@code GET /api/v1/prototypes/{key}/gate-status[?stage=PILOT]} answers 200
 * with this when approved, and 409 problem details with the same fields when not, so that
 * {@code curl -f} fails closed.
 *
 * @param stage the prototype's current stage
 * @param requestedStage the stage the pipeline deploys to ({@code ?stage=}), or null for
 * the current one
 * @param approved whether the release may go ahead
 * @param reason why not: KILLED, FROZEN, NO_APPROVED_GATE, STAGE_NOT_REACHED (null when
 * approved)
 * @param openGate the open stage gate (to the next stage), if any
 * @param lastDecision the latest decided stage gate, if any
 * @param freeze the guard that freezes releases, if one is breached
 */
public record ReleaseStatus(String prototype, Stage stage, Stage requestedStage, boolean approved, String reason,
		GateSummary openGate, GateSummary lastDecision, Freeze freeze) {

	/**
	 * A stage gate in a few fields.
	 *
	 * @param technicalSigned its technical track holds a valid signature
	 * @param commercialSigned its commercial track holds a valid signature
	 */
	public record GateSummary(long id, Stage from, Stage to, GateStatus status, boolean technicalSigned,
			boolean commercialSigned, Instant openedAt, Instant decidedAt) {
	}

	/** A breached guard threshold: no approval while it holds. */
	public record Freeze(String guard, String description, Instant since) {
	}

}
