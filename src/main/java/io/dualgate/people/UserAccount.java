package io.dualgate.people;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import io.dualgate.shared.InvalidFieldException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An account. Never deleted: deactivated accounts keep their name on every signature they
 * made.
 */
@Entity
@Table(name = "app_user")
class UserAccount {

	/** Failed password checks (login or signing) after which the account locks. */
	static final int MAX_FAILED_ATTEMPTS = 5;

	static final Duration LOCK_DURATION = Duration.ofMinutes(15);

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private String username;

	@Column(nullable = false)
	private String fullName;

	@Column(nullable = false)
	private String email;

	@Column(nullable = false)
	private String passwordHash;

	@Column(nullable = false)
	private boolean active = true;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ReportingLine reportingLine;

	@Column(nullable = false)
	private int failedAttempts;

	private Instant lockedUntil;

	@Column(nullable = false, updatable = false)
	private Instant createdAt;

	/** {@code en} or {@code zh-CN}: what the person reads, e-mails included. */
	@Column(nullable = false)
	private String preferredLanguage = "en";

	/** Whom escalations go to (admins where there is none). */
	private Long managerId;

	/** Raised whenever the rights of this person's sessions change (see V95). */
	@Column(nullable = false)
	private long securityStamp;

	/** The OpenID provider and subject this person signs in as, once linked. */
	private String ssoIssuer;

	private String ssoSubject;

	/**
	 * Whether an admin allows the next single sign-on with this username to link here.
	 */
	@Column(nullable = false)
	private boolean ssoLinkAllowed;

	@Version
	private long version;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = new HashSet<>();

	protected UserAccount() {
	}

	UserAccount(String username, String fullName, String email, String passwordHash, ReportingLine reportingLine,
			Set<Role> roles, Instant now) {
		this.username = username;
		this.fullName = fullName;
		this.email = email;
		this.passwordHash = passwordHash;
		this.reportingLine = reportingLine;
		this.roles = new HashSet<>(checkAuditorAlone(roles));
		this.createdAt = now;
	}

	Person toPerson() {
		return new Person(this.id, this.username, this.fullName, this.email, this.reportingLine,
				this.roles.isEmpty() ? Set.of() : EnumSet.copyOf(this.roles), this.active, this.preferredLanguage,
				this.managerId);
	}

	boolean isLocked(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	/**
	 * Counts a wrong password; returns whether this attempt locked the account.
	 */
	boolean recordFailedAttempt(Instant now) {
		this.failedAttempts++;
		if (this.failedAttempts >= MAX_FAILED_ATTEMPTS) {
			this.failedAttempts = 0;
			this.lockedUntil = now.plus(LOCK_DURATION);
			return true;
		}
		return false;
	}

	void recordSuccessfulAttempt() {
		this.failedAttempts = 0;
		this.lockedUntil = null;
	}

	/**
	 * An auditor checks what everyone else did, so holds no other role (also a trigger in
	 * the database).
	 */
	static Set<Role> checkAuditorAlone(Set<Role> roles) {
		if (roles.contains(Role.AUDITOR) && roles.size() > 1) {
			throw new InvalidFieldException("roles", "user.roles.auditorAlone");
		}
		return roles;
	}

	/** Returns whether the roles changed (which ends the person's sessions). */
	boolean update(String fullName, String email, ReportingLine reportingLine, Set<Role> roles) {
		this.fullName = fullName;
		this.email = email;
		this.reportingLine = reportingLine;
		if (this.roles.equals(checkAuditorAlone(roles))) {
			return false;
		}
		this.roles.clear();
		this.roles.addAll(roles);
		rightsChanged();
		return true;
	}

	void changeLanguage(String language) {
		this.preferredLanguage = language;
	}

	void assignManager(Long managerId) {
		this.managerId = managerId;
	}

	void changePasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
		rightsChanged();
	}

	void deactivate() {
		this.active = false;
		rightsChanged();
	}

	/** Sessions created before this moment no longer act for this person. */
	/** Links this account to its subject at an OpenID provider (then never relinked). */
	void linkSso(String issuer, String subject) {
		this.ssoIssuer = issuer;
		this.ssoSubject = subject;
		this.ssoLinkAllowed = false;
	}

	boolean isSsoLinked() {
		return this.ssoSubject != null;
	}

	boolean isSsoLinkAllowed() {
		return this.ssoLinkAllowed;
	}

	void allowSsoLink(boolean allowed) {
		this.ssoLinkAllowed = allowed && !isSsoLinked();
	}

	String getSsoIssuer() {
		return this.ssoIssuer;
	}

	String getSsoSubject() {
		return this.ssoSubject;
	}

	/**
	 * Takes the roles the provider's claims map to (single sign-on keeps them current).
	 * Returns whether they changed.
	 */
	boolean syncRoles(Set<Role> roles) {
		if (this.roles.equals(checkAuditorAlone(roles))) {
			return false;
		}
		this.roles.clear();
		this.roles.addAll(roles);
		rightsChanged();
		return true;
	}

	private void rightsChanged() {
		this.securityStamp++;
	}

	long getSecurityStamp() {
		return this.securityStamp;
	}

	void activate() {
		this.active = true;
		this.failedAttempts = 0;
		this.lockedUntil = null;
	}

	Long getId() {
		return this.id;
	}

	String getUsername() {
		return this.username;
	}

	String getFullName() {
		return this.fullName;
	}

	String getEmail() {
		return this.email;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	boolean isActive() {
		return this.active;
	}

	ReportingLine getReportingLine() {
		return this.reportingLine;
	}

	Set<Role> getRoles() {
		return this.roles;
	}

	Instant getLockedUntil() {
		return this.lockedUntil;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	String getPreferredLanguage() {
		return this.preferredLanguage;
	}

	Long getManagerId() {
		return this.managerId;
	}

	long getVersion() {
		return this.version;
	}

}
