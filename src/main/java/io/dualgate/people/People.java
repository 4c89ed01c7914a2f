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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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

	private final TransactionTemplate shortReads;

	private final TransactionTemplate shortWrites;

	People(UserAccountRepository accounts, PasswordEncoder passwordEncoder, AuditLog auditLog, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.shortReads = new TransactionTemplate(transactionManager);
		this.shortReads.setReadOnly(true);
		this.shortReads.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.shortWrites = new TransactionTemplate(transactionManager);
		this.shortWrites.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
	 * Re-checks the password of a signed-in person with the real encoder before a
	 * signature. Wrong passwords count towards the same lock-out as failed logins, and
	 * are counted even when the caller's transaction rolls back.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public PasswordCheck checkPassword(long userId, String rawPassword) {
		return checkPassword(userId, rawPassword, "signature password check");
	}

	/**
	 * The one path for re-checking a signed-in person's password (signing, changing the
	 * password): wrong passwords count towards the lock-out of failed logins, a lock is
	 * logged as a security event and audited.
	 * <p>
	 * Three steps, so that nobody holds a database connection while the hash runs: the
	 * stored hash is read in a short transaction; the match runs once on the bounded
	 * hashing pool ({@link BoundedPasswordEncoder}) with no transaction open; the outcome
	 * is recorded in a second short transaction that locks the account row, so that
	 * concurrent checks of one account each count. An account locked or deactivated in
	 * between (by a concurrent wrong password) answers {@link PasswordCheck#LOCKED} and
	 * records nothing, as an attempt arriving while it is locked does.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	PasswordCheck checkPassword(long userId, String rawPassword, String purpose) {
		UserAccountRepository.Credentials credentials = this.shortReads
			.execute((status) -> this.accounts.findCredentialsById(userId))
			.orElseThrow(() -> new NotFoundException("person.notFound", userId));
		if (!credentials.active() || credentials.lockedAt(this.clock.instant())) {
			return PasswordCheck.LOCKED;
		}
		boolean matches = rawPassword != null && this.passwordEncoder.matches(rawPassword, credentials.passwordHash());
		return this.shortWrites.execute((status) -> {
			UserAccount account = this.accounts.findLockedById(userId)
				.orElseThrow(() -> new NotFoundException("person.notFound", userId));
			if (!account.isActive() || account.isLocked(this.clock.instant())) {
				return PasswordCheck.LOCKED;
			}
			if (matches) {
				account.recordSuccessfulAttempt();
				return PasswordCheck.CORRECT;
			}
			registerFailure(account, purpose);
			return account.isLocked(this.clock.instant()) ? PasswordCheck.LOCKED : PasswordCheck.WRONG;
		});
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
