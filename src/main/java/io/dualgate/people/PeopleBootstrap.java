package io.dualgate.people;

import java.time.Clock;
import java.util.Set;

import io.dualgate.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * The first accounts on an empty database: the four demo logins in demo mode, otherwise
 * the admin named by {@code DUALGATE_ADMIN_USERNAME} / {@code DUALGATE_ADMIN_PASSWORD}.
 * There are no default accounts outside demo mode.
 */
@Component
@Order(10)
class PeopleBootstrap implements ApplicationRunner {

	static final String DEMO_PASSWORD = "dualgate-demo";

	private static final Logger logger = LoggerFactory.getLogger(PeopleBootstrap.class);

	private final UserAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog auditLog;

	private final TransactionTemplate transactions;

	private final Environment environment;

	private final Clock clock;

	PeopleBootstrap(UserAccountRepository accounts, PasswordEncoder passwordEncoder, AuditLog auditLog,
			TransactionTemplate transactions, Environment environment, Clock clock) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.environment = environment;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.transactions.executeWithoutResult((status) -> {
			if (this.accounts.count() > 0) {
				addDemoAuditorIfMissing();
				return;
			}
			if (this.environment.getProperty("dualgate.demo", Boolean.class, false)) {
				createDemoPeople();
			}
			else {
				createFirstAdmin();
			}
		});
	}

	private void createDemoPeople() {
		String hash = this.passwordEncoder.encode(DEMO_PASSWORD);
		add("explorer", "Lin Wei", "explorer@dualgate.example", hash, ReportingLine.CPO, Set.of(Role.EXPLORATION_PM));
		add("deliverer", "Maria Santos", "deliverer@dualgate.example", hash, ReportingLine.CPO,
				Set.of(Role.DELIVERY_PM));
		add("executive", "Grace Okafor", "executive@dualgate.example", hash, ReportingLine.OTHER,
				Set.of(Role.EXECUTIVE));
		add("admin", "Sam Admin", "admin@dualgate.example", hash, ReportingLine.OTHER, Set.of(Role.ADMIN));
		add("labexplorer", "Kenji Tanaka", "labexplorer@dualgate.example", hash, ReportingLine.CTO,
				Set.of(Role.EXPLORATION_PM));
		add("auditor", "Ingrid Holm", "auditor@dualgate.example", hash, ReportingLine.OTHER, Set.of(Role.AUDITOR));
		// Escalations of overdue gates go to the PMs' manager.
		UserAccount manager = this.accounts.findByUsernameIgnoringCase("executive").orElseThrow();
		for (String pm : java.util.List.of("explorer", "deliverer", "labexplorer")) {
			this.accounts.findByUsernameIgnoringCase(pm).orElseThrow().assignManager(manager.getId());
		}
		logger.info("Demo mode: created the demo accounts (password '{}')", DEMO_PASSWORD);
	}

	/**
	 * A demo database created before the auditor role existed gains the demo auditor on
	 * its next start (usernames are never reused, so only where nobody ever held the
	 * name).
	 */
	private void addDemoAuditorIfMissing() {
		if (this.environment.getProperty("dualgate.demo", Boolean.class, false)
				&& this.accounts.findByUsernameIgnoringCase("auditor").isEmpty()) {
			add("auditor", "Ingrid Holm", "auditor@dualgate.example", this.passwordEncoder.encode(DEMO_PASSWORD),
					ReportingLine.OTHER, Set.of(Role.AUDITOR));
		}
	}

	private void createFirstAdmin() {
		String username = this.environment.getProperty("dualgate.admin.username");
		String password = this.environment.getProperty("dualgate.admin.password");
		if (!StringUtils.hasText(username) || !StringUtils.hasText(password)) {
			logger.warn("No accounts exist and no first admin is configured:"
					+ " set DUALGATE_ADMIN_USERNAME and DUALGATE_ADMIN_PASSWORD to create one");
			return;
		}
		PasswordPolicy.violation(password, username).ifPresent((code) -> {
			throw new IllegalStateException(
					"DUALGATE_ADMIN_PASSWORD breaks the password policy (" + PasswordPolicy.MIN_LENGTH + " to "
							+ PasswordPolicy.MAX_LENGTH + " characters, not the username)");
		});
		add(username, "Administrator", username + "@localhost", this.passwordEncoder.encode(password),
				ReportingLine.OTHER, Set.of(Role.ADMIN));
		logger.info("Created the first admin account '{}'", username);
	}

	private void add(String username, String fullName, String email, String hash, ReportingLine line, Set<Role> roles) {
		UserAccount account = this.accounts
			.saveAndFlush(new UserAccount(username, fullName, email, hash, line, roles, this.clock.instant()));
		this.auditLog.recordAs("system", "USER_CREATED", "user", account.getId(), null,
				AuditLog.values("username", username, "roles", roles.stream().sorted().toList()), "bootstrap");
	}

}
