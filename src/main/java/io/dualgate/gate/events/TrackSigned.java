package io.dualgate.gate.events;

import io.dualgate.gate.Meaning;
import io.dualgate.gate.Track;

/**
 * A track of a gate was signed.
 */
public record TrackSigned(long gateId, Track track, Meaning meaning, long signerId, String signerName,
		String contentHash, String reason, String actor, java.time.Instant at) {
}
