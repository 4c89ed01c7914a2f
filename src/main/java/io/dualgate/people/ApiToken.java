package io.dualgate.people;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A personal API token. Only its SHA-256 is kept; revoked tokens stay for the record.
 */
@Entity
@Table(name = "api_token")
class ApiToken {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private Long userId;

	@Column(nullable = false, updatable = false)
	private String name;

	@Column(nullable = false, updatable = false)
	private String tokenHash;

	@Column(nullable = false, updatable = false)
	private String tokenPrefix;

	@Column(nullable = false, updatable = false)
	private Instant createdAt;

	private Instant lastUsedAt;

	private Instant revokedAt;

	protected ApiToken() {
	}

	ApiToken(Long userId, String name, String tokenHash, String tokenPrefix, Instant createdAt) {
		this.userId = userId;
		this.name = name;
		this.tokenHash = tokenHash;
		this.tokenPrefix = tokenPrefix;
		this.createdAt = createdAt;
	}

	boolean isRevoked() {
		return this.revokedAt != null;
	}

	void revoke(Instant now) {
		if (this.revokedAt == null) {
			this.revokedAt = now;
		}
	}

	void used(Instant now) {
		this.lastUsedAt = now;
	}

	Long getId() {
		return this.id;
	}

	Long getUserId() {
		return this.userId;
	}

	String getName() {
		return this.name;
	}

	String getTokenPrefix() {
		return this.tokenPrefix;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getLastUsedAt() {
		return this.lastUsedAt;
	}

	Instant getRevokedAt() {
		return this.revokedAt;
	}

}
