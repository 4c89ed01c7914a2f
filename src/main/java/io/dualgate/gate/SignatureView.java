package io.dualgate.gate;

import java.time.Instant;

/**
 * A signature as pages, records and the API show it.
 *
 * @param hashMatches whether the SHA-256 recomputed from the track's current answers
 * equals the stored one (always expected for a valid signature)
 * @param onBehalfOfId the person this was signed for under a delegation, or null
 * @param delegationId that delegation
 * @param hashVersion the canonical form the hash was computed with (1 before items had
 * two languages, 2 since)
 */
public record SignatureView(Long id, Track track, long signerId, String signerName, Instant signedAt, Meaning meaning,
		String meaningText, String reason, int templateVersion, String contentHash, boolean valid,
		Instant invalidatedAt, String invalidatedBy, String invalidationReason, boolean hashMatches, Long onBehalfOfId,
		String onBehalfOfName, Long delegationId, String delegationReason, int hashVersion, SignatureMethod method) {

	/** Whether the signer re-authenticated at the OpenID provider (else: password). */
	public boolean reauthenticated() {
		return this.method.kind() == SignatureMethod.Kind.OIDC;
	}

	/** Signed by a delegate on behalf of the track's PM. */
	public boolean onBehalf() {
		return this.onBehalfOfId != null;
	}

}
