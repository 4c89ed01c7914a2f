package io.dualgate.people;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.dualgate.audit.AuditLog;
import io.dualgate.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask about people, and the password re-check that signing needs.
 */
@Service
@Transactional(readOnly = true)
public class People {

	private static final Logger securityLog = LoggerFactory.getLogger("io.dualgate.security");

	private final UserAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog auditLog;

	private final Clock clock;

	People(UserAccountRepository accounts, PasswordEncoder passwordEncoder, AuditLog auditLog, Clock clock) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	public Optional<Person> findById(long id) {
		return this.accounts.findById(id).map(UserAccount::toPerson);
	}

	public Person get(long id) {
		return findById(id).orElseThrow(() -> new NotFoundException("person.notFound", id));
	}

	public Optional<Person> findByUsername(String username) {
		return this.accounts.findByUsernameIgnoringCase(username).map(UserAccount::toPerson);
	}

	public List<Person> activeWithRole(Role role) {
		return this.accounts.findActiveWithRole(role).stream().map(UserAccount::toPerson).toList();
	}

	public Map<Long, Person> byIds(Collection<Long> ids) {
		return this.accounts.findByIdIn(ids)
			.stream()
			.map(UserAccount::toPerson)
			.collect(Collectors.toMap(Person::id, Function.identity()));
	}

	/**
	 * Whether a signed-in copy of a person (a session's) still acts for them: the account
	 * is active and its rights have not changed since the copy was made (deactivation, a
	 * role change, a password change). Asked on every request.
	 */
	public boolean stillHolds(AuthenticatedUser user) {
		return this.accounts.findRightsById(user.id())
			.filter((rights) -> rights.active() && rights.securityStamp() == user.securityStamp())
			.isPresent();
	}

	/**
	 * Re-checks the password of a signed-in person with the real encoder. Wrong passwords
	 * count towards the same lock-out as failed logins. Runs in its own transaction so
	 * that a failed attempt is counted even when the caller's transaction rolls back.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public PasswordCheck checkPassword(long userId, String rawPassword) {
		return checkPassword(userId, rawPassword, "signature password check");
	}

	/**
	 * The one path for re-checking a signed-in person's password (signing, changing the
	 * password): wrong passwords count towards the lock-out of failed logins, a lock is
	 * logged as a security event and audited.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	PasswordCheck checkPassword(long userId, String rawPassword, String purpose) {
		UserAccount account = this.accounts.findById(userId)
			.orElseThrow(() -> new NotFoundException("person.notFound", userId));
		if (!account.isActive() || account.isLocked(this.clock.instant())) {
			return PasswordCheck.LOCKED;
		}
		if (rawPassword != null && this.passwordEncoder.matches(rawPassword, account.getPasswordHash())) {
			account.recordSuccessfulAttempt();
			return PasswordCheck.CORRECT;
		}
		registerFailure(account, purpose);
		return account.isLocked(this.clock.instant()) ? PasswordCheck.LOCKED : PasswordCheck.WRONG;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void recordFailedLogin(String username) {
		this.accounts.findByUsernameIgnoringCase(username)
			.ifPresentOrElse((account) -> registerFailure(account, "login"),
					() -> securityLog.warn("Failed login for an unknown username"));
	}

	/**
	 * The break-glass account signed in with its password while single sign-on is
	 * configured: audited on every use.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void recordBreakGlassSignIn(String username, boolean localLoginOn) {
		this.accounts.findByUsernameIgnoringCase(username)
			.ifPresent((account) -> this.auditLog.recordAs(account.getUsername(), "BREAK_GLASS_SIGN_IN", "user",
					account.getId(), null, AuditLog.values("localLogin", localLoginOn),
					"password sign-in of the break-glass account while single sign-on is configured"));
		securityLog.warn("Break-glass account signed in with its password: {}", username);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void recordSuccessfulLogin(String username) {
		this.accounts.findByUsernameIgnoringCase(username).ifPresent(UserAccount::recordSuccessfulAttempt);
	}

	private void registerFailure(UserAccount account, String what) {
		boolean locked = account.recordFailedAttempt(this.clock.instant());
		securityLog.warn("Failed {} for user id {}", what, account.getId());
		if (locked) {
			securityLog.warn("Account locked until {} after {} failed password checks: user id {}",
					account.getLockedUntil(), UserAccount.MAX_FAILED_ATTEMPTS, account.getId());
			this.auditLog.recordAs(account.getUsername(), "ACCOUNT_LOCKED", "user", account.getId(), null,
					AuditLog.values("lockedUntil", account.getLockedUntil()), "too many failed " + what + " attempts");
		}
	}

}
