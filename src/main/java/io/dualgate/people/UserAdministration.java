package io.dualgate.people;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import io.dualgate.audit.AuditLog;
import io.dualgate.shared.ConflictException;
import io.dualgate.shared.NotFoundException;
import io.dualgate.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, editing and (de)activating accounts, and changing one's own password. Every
 * change writes an audit event in the same transaction.
 */
@Service
@Transactional
class UserAdministration {

	private final UserAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog auditLog;

	private final Clock clock;

	private final People people;

	private final ApiTokens tokens;

	private final ApplicationEventPublisher events;

	UserAdministration(UserAccountRepository accounts, PasswordEncoder passwordEncoder, AuditLog auditLog, Clock clock,
			People people, ApiTokens tokens, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.auditLog = auditLog;
		this.clock = clock;
		this.people = people;
		this.tokens = tokens;
		this.events = events;
	}

	@Transactional(readOnly = true)
	List<UserAccount> all() {
		return this.accounts.findAllByOrderByUsernameAsc();
	}

	@Transactional(readOnly = true)
	UserAccount get(long id) {
		return this.accounts.findById(id).orElseThrow(() -> new NotFoundException("person.notFound", id));
	}

	UserAccount create(UserForm form) {
		if (this.accounts.existsByUsernameIgnoringCase(form.username())) {
			throw new RuleViolationException("user.username.taken");
		}
		PasswordPolicy.violation(form.password(), form.username()).ifPresent((code) -> {
			throw new RuleViolationException(code);
		});
		UserAccount account = this.accounts.saveAndFlush(new UserAccount(form.username().strip(),
				form.fullName().strip(), form.email().strip(), this.passwordEncoder.encode(form.password()),
				form.reportingLine(), form.roles(), this.clock.instant()));
		if (form.managerId() != null) {
			account.assignManager(checkedManager(form.managerId(), account.getId()));
			this.accounts.flush();
		}
		this.auditLog.record("USER_CREATED", "user", account.getId(), null, describe(account), null);
		return account;
	}

	void update(long id, UserForm form) {
		UserAccount account = get(id);
		if (!Objects.equals(form.version(), account.getVersion())) {
			throw new ConflictException("conflict.changedMeanwhile");
		}
		String before = describe(account);
		boolean rolesChanged = account.update(form.fullName().strip(), form.email().strip(), form.reportingLine(),
				form.roles());
		account.assignManager((form.managerId() != null) ? checkedManager(form.managerId(), id) : null);
		account.allowSsoLink(form.ssoLinkAllowed());
		this.accounts.flush();
		this.auditLog.record("USER_UPDATED", "user", id, before, describe(account), null);
		if (rolesChanged) {
			this.events.publishEvent(new AccountRightsChanged(id, account.getUsername(), null));
		}
	}

	void setActive(long id, boolean active, long actingUserId) {
		UserAccount account = get(id);
		if (!active && id == actingUserId) {
			throw new RuleViolationException("user.deactivate.self");
		}
		if (account.isActive() == active) {
			return;
		}
		if (active) {
			account.activate();
		}
		else {
			account.deactivate();
			this.events.publishEvent(new AccountRightsChanged(id, account.getUsername(), null));
		}
		this.auditLog.record(active ? "USER_ACTIVATED" : "USER_DEACTIVATED", "user", id,
				AuditLog.values("active", !active), AuditLog.values("active", active), null);
	}

	/** The languages DualGate speaks (pages and e-mails). */
	static final List<String> LANGUAGES = List.of("en", "zh-CN");

	void changeLanguage(long userId, String language) {
		if (language == null || !LANGUAGES.contains(language)) {
			throw new RuleViolationException("profile.language.invalid");
		}
		UserAccount account = get(userId);
		String before = account.getPreferredLanguage();
		if (before.equals(language)) {
			return;
		}
		account.changeLanguage(language);
		this.auditLog.record("USER_LANGUAGE_CHANGED", "user", userId, AuditLog.values("language", before),
				AuditLog.values("language", language), null);
	}

	/**
	 * Changes one's own password after re-checking the current one on the same path as
	 * signing (failures count towards the lock-out). Ends the person's other sessions and
	 * revokes their API tokens: a password change is what people do when they fear
	 * someone else has it.
	 * @param keepSessionId the session that asks (it stays, under a new id)
	 */
	void changeOwnPassword(long userId, PasswordForm form, String keepSessionId) {
		switch (this.people.checkPassword(userId, form.currentPassword(), "password change")) {
			case LOCKED -> throw new RuleViolationException("password.locked");
			case WRONG -> throw new RuleViolationException("password.currentWrong");
			case CORRECT -> {
			}
		}
		UserAccount account = get(userId);
		if (!Objects.equals(form.newPassword(), form.confirmPassword())) {
			throw new RuleViolationException("password.mismatch");
		}
		PasswordPolicy.violation(form.newPassword(), account.getUsername()).ifPresent((code) -> {
			throw new RuleViolationException(code);
		});
		account.changePasswordHash(this.passwordEncoder.encode(form.newPassword()));
		this.auditLog.record("PASSWORD_CHANGED", "user", userId, null, null, null);
		this.tokens.revokeAll(userId, "password changed");
		this.events.publishEvent(new AccountRightsChanged(userId, account.getUsername(), keepSessionId));
	}

	private Long checkedManager(long managerId, Long personId) {
		if (personId != null && managerId == personId) {
			throw new RuleViolationException("user.manager.self");
		}
		this.accounts.findById(managerId).orElseThrow(() -> new RuleViolationException("user.manager.unknown"));
		return managerId;
	}

	private static String describe(UserAccount account) {
		return AuditLog.values("username", account.getUsername(), "fullName", account.getFullName(), "email",
				account.getEmail(), "reportingLine", account.getReportingLine(), "roles",
				account.getRoles().stream().sorted().toList(), "active", account.isActive(), "manager",
				account.getManagerId(), "ssoLinkAllowed", account.isSsoLinkAllowed());
	}

}
