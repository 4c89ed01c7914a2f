package io.dualgate.people;

import java.time.Instant;

/**
 * Someone was given another person's signing authority for a period (the delegate is
 * told).
 */
public record DelegationGranted(long delegationId, long delegatorId, String delegatorName, long delegateId,
		SigningAuthority authority, Instant from, Instant until, String reason) {
}
