package io.dualgate.gate;

import java.time.Instant;

/**
 * A signature as pages, records and the API show it.
 *
 * @param hashMatches whether the SHA-256 recomputed from the track's current answers
 * equals the stored one (always expected for a valid signature)
 */
public record SignatureView(Long id, Track track, long signerId, String signerName, Instant signedAt, Meaning meaning,
		String meaningText, String reason, int templateVersion, String contentHash, boolean valid,
		Instant invalidatedAt, String invalidatedBy, String invalidationReason, boolean hashMatches) {
}
