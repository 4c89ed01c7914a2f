package io.dualgate.people;

import java.time.Instant;

/**
 * A delegation of signing authority as other modules see it. It runs from {@code from}
 * (inclusive) to {@code until} or its revocation (exclusive): every use asks
 * {@link #runsAt}, so it stops at that instant without any job having to run.
 */
public record ActiveDelegation(long id, long delegatorId, String delegatorName, long delegateId, String delegateName,
		SigningAuthority authority, Instant from, Instant until, Instant revokedAt, String reason) {

	public boolean runsAt(Instant at) {
		return !at.isBefore(this.from) && at.isBefore(end());
	}

	/** When it stops: its {@code until}, or earlier if it was revoked. */
	public Instant end() {
		return (this.revokedAt != null && this.revokedAt.isBefore(this.until)) ? this.revokedAt : this.until;
	}

	public boolean revoked() {
		return this.revokedAt != null;
	}

}
