package io.dualgate.learning.autonomy;

import java.time.Instant;

/**
 * A capability's autonomy was taken back, automatically on the evidence or by a person's
 * hand; published with the change, announced to the PMs after it committed.
 *
 * @param cause AUTO_CRITICAL, AUTO_ACCEPTANCE or MANUAL
 */
public record AutonomyLowered(long changeId, long prototypeId, String prototypeKey, String capability,
		AutonomyLevel from, AutonomyLevel to, String cause, String evidence, Instant at) {
}
