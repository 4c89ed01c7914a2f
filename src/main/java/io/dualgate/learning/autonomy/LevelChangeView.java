package io.dualgate.learning.autonomy;

import java.time.Instant;

/**
 * One change of a capability's level, as the history shows it.
 *
 * @param cause GATE, AUTO_ACCEPTANCE, AUTO_CRITICAL or MANUAL
 * @param actor who (a gate's last signer, a person's hand), null when automatic
 */
public record LevelChangeView(long id, AutonomyLevel from, AutonomyLevel to, String cause, Long gateId, String evidence,
		String reason, String actor, Instant at) {

	public boolean raised() {
		return this.to.above(this.from);
	}

}
