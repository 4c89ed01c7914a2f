package io.dualgate.people;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import io.dualgate.audit.AuditLog;
import io.dualgate.shared.NotFoundException;
import io.dualgate.shared.Sha256;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: 256 random bits, shown once, stored as SHA-256, revocable. A token
 * acts with the current roles of its owner, so removing a role or deactivating the owner
 * takes effect at once.
 */
@Service
public class ApiTokens {

	static final String PREFIX = "dg_";

	/** Last-use times are written at most this often, to keep reads cheap. */
	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	private final SecureRandom random = new SecureRandom();

	private final ApiTokenRepository tokens;

	private final UserAccountRepository accounts;

	private final AccountDetailsService details;

	private final AuditLog auditLog;

	private final Clock clock;

	ApiTokens(ApiTokenRepository tokens, UserAccountRepository accounts, AccountDetailsService details,
			AuditLog auditLog, Clock clock) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.details = details;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * Creates a token and returns it in clear: the only time anyone sees it.
	 */
	@Transactional
	public String create(long userId, String name) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		String label = (name == null || name.isBlank()) ? "API token" : name.strip();
		ApiToken saved = this.tokens
			.save(new ApiToken(userId, label, sha256(token), token.substring(0, 10), this.clock.instant()));
		this.auditLog.record("TOKEN_CREATED", "api_token", saved.getId(), null,
				AuditLog.values("user", userId, "name", label), null);
		return token;
	}

	@Transactional
	public Optional<AuthenticatedUser> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		return this.tokens.findByTokenHash(sha256(token)).filter((found) -> !found.isRevoked()).flatMap((found) -> {
			Instant now = this.clock.instant();
			if (found.getLastUsedAt() == null || found.getLastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
				found.used(now);
			}
			return this.accounts.findById(found.getUserId());
		}).filter(UserAccount::isActive).map(this.details::toDetails);
	}

	@Transactional(readOnly = true)
	List<TokenView> listFor(long userId) {
		return this.tokens.findByUserIdOrderByCreatedAtDesc(userId)
			.stream()
			.map((token) -> new TokenView(token.getId(), token.getName(), token.getTokenPrefix(), token.getCreatedAt(),
					token.getLastUsedAt(), token.getRevokedAt()))
			.toList();
	}

	@Transactional
	void revoke(long userId, long tokenId) {
		// Scoped to the owner: someone else's token id is simply "not found".
		ApiToken token = this.tokens.findByIdAndUserId(tokenId, userId)
			.orElseThrow(() -> new NotFoundException("token.notFound", tokenId));
		if (!token.isRevoked()) {
			token.revoke(this.clock.instant());
			this.auditLog.record("TOKEN_REVOKED", "api_token", tokenId, null, null, null);
		}
	}

	/** Revokes every token of a person that is still valid (audited, one row each). */
	@Transactional
	void revokeAll(long userId, String reason) {
		Instant now = this.clock.instant();
		for (ApiToken token : this.tokens.findByUserIdOrderByCreatedAtDesc(userId)) {
			if (!token.isRevoked()) {
				token.revoke(now);
				this.auditLog.record("TOKEN_REVOKED", "api_token", token.getId(), null, null, reason);
			}
		}
	}

	static String sha256(String text) {
		return Sha256.hex(text);
	}

	record TokenView(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

		public boolean revoked() {
			return this.revokedAt != null;
		}

	}

}
