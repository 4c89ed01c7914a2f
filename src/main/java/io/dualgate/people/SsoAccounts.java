package io.dualgate.people;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.dualgate.audit.AuditLog;
import io.dualgate.shared.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a single sign-on is: the account linked to the provider's subject; else the account
 * with the same username, where an admin allowed linking it; else a new account made just
 * in time from {@code preferred_username}, {@code name} and {@code email}. Roles come
 * from the configured claim on every sign-in. Every outcome is an audit event.
 */
class SsoAccounts {

	private static final Logger securityLog = LoggerFactory.getLogger("io.dualgate.security");

	private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final UserAccountRepository accounts;

	private final AccountDetailsService details;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog auditLog;

	private final SsoProperties properties;

	private final Clock clock;

	SsoAccounts(UserAccountRepository accounts, AccountDetailsService details, PasswordEncoder passwordEncoder,
			AuditLog auditLog, SsoProperties properties, Clock clock) {
		this.accounts = accounts;
		this.details = details;
		this.passwordEncoder = passwordEncoder;
		this.auditLog = auditLog;
		this.properties = properties;
		this.clock = clock;
	}

	/** The outcome of a sign-in: the person, or why they are refused. */
	sealed interface Outcome {

	}

	record SignedIn(AuthenticatedUser user, boolean withoutRole) implements Outcome {
	}

	record Refused(String reason) implements Outcome {
	}

	/**
	 * Resolves the person for a verified ID token's claims. Refusals are committed (their
	 * audit event stays) and returned, not thrown.
	 */
	@Transactional
	Outcome signIn(String issuer, String subject, Map<String, Object> claims) {
		Set<Role> roles = roles(claims);
		UserAccount account = this.accounts.findBySsoIssuerAndSsoSubject(issuer, subject).orElse(null);
		if (account == null) {
			String wanted = text(claims.get("preferred_username"));
			Optional<UserAccount> sameName = (wanted != null) ? this.accounts.findByUsernameIgnoringCase(wanted)
					: Optional.empty();
			if (sameName.isPresent()) {
				UserAccount existing = sameName.get();
				if (existing.isSsoLinked() || !existing.isSsoLinkAllowed()) {
					this.auditLog.recordAs(existing.getUsername(), "SSO_SIGN_IN_REFUSED", "user", existing.getId(),
							null, AuditLog.values("issuer", issuer, "subject", bounded(subject)),
							"an account with this username exists and no admin allowed linking it");
					securityLog.warn("Single sign-on refused: account id {} exists and may not be linked",
							existing.getId());
					return new Refused("link-not-allowed");
				}
				existing.linkSso(issuer, subject);
				this.auditLog.recordAs(existing.getUsername(), "USER_SSO_LINKED", "user", existing.getId(), null,
						AuditLog.values("issuer", issuer, "subject", bounded(subject)), "allowed by an admin");
				account = existing;
			}
			else {
				account = create(issuer, subject, wanted, claims, roles);
			}
		}
		if (!account.isActive()) {
			this.auditLog.recordAs(account.getUsername(), "SSO_SIGN_IN_REFUSED", "user", account.getId(), null,
					AuditLog.values("issuer", issuer), "the account is deactivated");
			return new Refused("deactivated");
		}
		Set<Role> before = Set.copyOf(account.getRoles());
		if (account.syncRoles(roles)) {
			this.auditLog.recordAs(account.getUsername(), "USER_ROLES_SYNCED", "user", account.getId(),
					AuditLog.values("roles", sorted(before)), AuditLog.values("roles", sorted(roles)),
					"single sign-on claim " + this.properties.rolesClaim());
		}
		this.auditLog.recordAs(account.getUsername(), "SSO_SIGN_IN", "user", account.getId(), null,
				AuditLog.values("issuer", issuer, "roles", sorted(roles)), null);
		if (roles.isEmpty()) {
			this.auditLog.recordAs(account.getUsername(), "SSO_NO_ROLE", "user", account.getId(), null,
					AuditLog.values("claim", this.properties.rolesClaim(), "values",
							values(claims.get(this.properties.rolesClaim())).stream()
								.limit(20)
								.map(SsoAccounts::bounded)
								.toList()),
					"the claim maps to no role: signed in without one until an admin maps it");
		}
		return new SignedIn(this.details.toDetails(account), roles.isEmpty());
	}

	/** The roles the claim's values map to; an auditor mapping wins alone. */
	Set<Role> roles(Map<String, Object> claims) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String value : values(claims.get(this.properties.rolesClaim()))) {
			Role role = this.properties.roleMapping().get(value);
			if (role != null) {
				roles.add(role);
			}
		}
		if (roles.contains(Role.AUDITOR) && roles.size() > 1) {
			securityLog.warn("Single sign-on mapped the auditor role with others; the auditor holds it alone");
			return EnumSet.of(Role.AUDITOR);
		}
		return roles;
	}

	private UserAccount create(String issuer, String subject, String wanted, Map<String, Object> claims,
			Set<Role> roles) {
		String username = (wanted != null && USERNAME.matcher(wanted).matches()) ? wanted
				: "sso-" + Sha256.hex(issuer + "|" + subject).substring(0, 12);
		String name = Optional.ofNullable(text(claims.get("name"))).orElse(username);
		String email = Optional.ofNullable(text(claims.get("email"))).orElse(username + "@sso.invalid");
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		// Nobody knows this password: the person signs in (and re-authenticates) at the
		// provider.
		String unusable = this.passwordEncoder.encode(Base64.getEncoder().encodeToString(secret));
		UserAccount account = new UserAccount(username, bounded(name), bounded(email), unusable, ReportingLine.OTHER,
				roles, this.clock.instant());
		account.linkSso(issuer, subject);
		account = this.accounts.saveAndFlush(account);
		this.auditLog.recordAs(username, "USER_CREATED", "user", account.getId(), null,
				AuditLog.values("username", username, "roles", sorted(roles), "issuer", issuer),
				"single sign-on (just in time)");
		return account;
	}

	private static List<String> values(Object claim) {
		if (claim instanceof Collection<?> collection) {
			return collection.stream().map(String::valueOf).toList();
		}
		if (claim instanceof String text && !text.isBlank()) {
			return List.of(text.split("[,\\s]+"));
		}
		return List.of();
	}

	private static List<Role> sorted(Set<Role> roles) {
		return roles.stream().sorted().toList();
	}

	private static String text(Object value) {
		return (value instanceof String text && !text.isBlank()) ? text.strip() : null;
	}

	/** Claims come from outside: never more than 200 characters into a row. */
	private static String bounded(String value) {
		return (value.length() <= 200) ? value : value.substring(0, 200);
	}

}
