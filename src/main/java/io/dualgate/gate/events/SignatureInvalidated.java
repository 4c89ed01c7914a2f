package io.dualgate.gate.events;

import io.dualgate.gate.Track;

/**
 * A signature stopped being valid because what it signed changed (an answer, new metric
 * evidence, expired evidence).
 */
public record SignatureInvalidated(long gateId, long prototypeId, Track track, Long signatureId, long signerId,
		Long onBehalfOfId, String signerName, String reason, String actor, java.time.Instant at) {
}
