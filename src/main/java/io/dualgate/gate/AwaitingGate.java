package io.dualgate.gate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An open gate and its tracks that still wait for a signature, with who may give it.
 *
 * @param openedBy who opened the gate (may be null for imported gates)
 */
public record AwaitingGate(long gateId, long prototypeId, String prototypeKey, String prototypeName, Instant openedAt,
		Duration sla, Long openedBy, List<AwaitingTrack> tracks) {

	public Instant dueAt() {
		return this.openedAt.plus(this.sla);
	}

	/** When {@code fraction} of the SLA has passed (0.75 for the reminder). */
	public Instant at(double fraction) {
		return this.openedAt.plusMillis((long) (this.sla.toMillis() * fraction));
	}

	/**
	 * @param ownerId the prototype's PM for the track
	 * @param delegateIds who holds that PM's signing now
	 */
	public record AwaitingTrack(Track track, long ownerId, List<Long> delegateIds) {
	}

}
