package io.dualgate.gate.events;

import io.dualgate.gate.Meaning;
import io.dualgate.gate.Track;

/**
 * A track of a gate was signed, by its PM or, under a delegation, by their delegate on
 * their behalf ({@code onBehalfOfId} and {@code delegationId} set).
 */
public record TrackSigned(long gateId, long prototypeId, Track track, Meaning meaning, long signerId, String signerName,
		String contentHash, String reason, String actor, java.time.Instant at, Long onBehalfOfId, Long delegationId,
		String authentication) {
}
