package io.dualgate.people;

import java.time.Instant;

/**
 * What a step-up re-authentication proved: the provider (issuer) authenticated this
 * subject at {@code authTime}, recently enough, for this very request (state and nonce).
 */
public record ReauthenticationProof(String issuer, String subject, Instant authTime) {
}
