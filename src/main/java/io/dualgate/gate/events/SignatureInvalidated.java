package io.dualgate.gate.events;

import io.dualgate.gate.Track;

/**
 * A signature stopped being valid because what it signed changed.
 */
public record SignatureInvalidated(long gateId, Track track, Long signatureId, String signerName, String reason,
		String actor, java.time.Instant at) {
}
