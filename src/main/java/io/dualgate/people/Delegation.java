package io.dualgate.people;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One person's track signing handed to another for a period. Never edited or deleted:
 * revoked (kept), or over at {@code validUntil}.
 */
@Entity
@Table(name = "delegation")
class Delegation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private long delegatorId;

	@Column(nullable = false, updatable = false)
	private long delegateId;

	@Enumerated(EnumType.STRING)
	@Column(name = "track", nullable = false, updatable = false)
	private SigningAuthority authority;

	@Column(nullable = false, updatable = false)
	private Instant validFrom;

	@Column(nullable = false, updatable = false)
	private Instant validUntil;

	@Column(nullable = false, updatable = false)
	private String reason;

	@Column(nullable = false, updatable = false)
	private long createdBy;

	@Column(nullable = false, updatable = false)
	private Instant createdAt;

	private Instant revokedAt;

	private Long revokedBy;

	private Instant expiryRecordedAt;

	@Version
	private long version;

	protected Delegation() {
	}

	Delegation(long delegatorId, long delegateId, SigningAuthority authority, Instant validFrom, Instant validUntil,
			String reason, long createdBy, Instant createdAt) {
		this.delegatorId = delegatorId;
		this.delegateId = delegateId;
		this.authority = authority;
		this.validFrom = validFrom;
		this.validUntil = validUntil;
		this.reason = reason;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
	}

	void revoke(long by, Instant at) {
		this.revokedAt = at;
		this.revokedBy = by;
	}

	void recordExpiry(Instant at) {
		this.expiryRecordedAt = at;
	}

	ActiveDelegation toView(String delegatorName, String delegateName) {
		return new ActiveDelegation(this.id, this.delegatorId, delegatorName, this.delegateId, delegateName,
				this.authority, this.validFrom, this.validUntil, this.revokedAt, this.reason);
	}

	Long getId() {
		return this.id;
	}

	long getDelegatorId() {
		return this.delegatorId;
	}

	long getDelegateId() {
		return this.delegateId;
	}

	SigningAuthority getAuthority() {
		return this.authority;
	}

	Instant getValidFrom() {
		return this.validFrom;
	}

	Instant getValidUntil() {
		return this.validUntil;
	}

	Instant getRevokedAt() {
		return this.revokedAt;
	}

	String getReason() {
		return this.reason;
	}

}
