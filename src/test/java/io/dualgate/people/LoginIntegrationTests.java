package io.dualgate.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.dualgate.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

@IntegrationTest
class LoginIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccountRepository accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	People people;

	@Test
	void wrongPasswordAndUnknownUserGetTheSameAnswer() {
		MvcTestResult wrongPassword = this.mvc.perform(formLogin().user("explorer").password("not-the-password"));
		MvcTestResult unknownUser = this.mvc.perform(formLogin().user("nobody-here").password("not-the-password"));
		assertThat(wrongPassword).hasStatus3xxRedirection().hasRedirectedUrl("/login?error");
		assertThat(unknownUser).hasStatus3xxRedirection().hasRedirectedUrl("/login?error");
		this.transactions.executeWithoutResult((status) -> this.accounts.findByUsernameIgnoringCase("explorer")
			.ifPresent(UserAccount::recordSuccessfulAttempt));
	}

	@Test
	void demoUserLogsInCaseInsensitively() {
		assertThat(this.mvc.perform(formLogin().user("Explorer").password("dualgate-demo"))).hasStatus3xxRedirection()
			.hasRedirectedUrl("/");
	}

	@Test
	void fiveWrongPasswordsLockTheAccountEvenForTheRightPassword() {
		createUser("lockme", "correct-horse-battery");
		for (int i = 0; i < UserAccount.MAX_FAILED_ATTEMPTS; i++) {
			assertThat(this.mvc.perform(formLogin().user("lockme").password("wrong-password-" + i)))
				.hasRedirectedUrl("/login?error");
		}
		assertThat(this.mvc.perform(formLogin().user("lockme").password("correct-horse-battery")))
			.hasRedirectedUrl("/login?error");
		long lockEvents = this.jdbc
			.sql("select count(*) from audit_event where action = 'ACCOUNT_LOCKED' and actor = 'lockme'")
			.query(Long.class)
			.single();
		assertThat(lockEvents).isEqualTo(1);
	}

	@Test
	void signingPasswordChecksCountTowardsTheSameLockOut() {
		long id = createUser("signcheck", "correct-horse-battery");
		assertThat(this.people.checkPassword(id, "correct-horse-battery")).isEqualTo(PasswordCheck.CORRECT);
		for (int i = 0; i < UserAccount.MAX_FAILED_ATTEMPTS - 1; i++) {
			assertThat(this.people.checkPassword(id, "nope")).isEqualTo(PasswordCheck.WRONG);
		}
		assertThat(this.people.checkPassword(id, "nope")).isEqualTo(PasswordCheck.LOCKED);
		assertThat(this.people.checkPassword(id, "correct-horse-battery")).isEqualTo(PasswordCheck.LOCKED);
	}

	@Test
	void wrongPasswordsCheckedAtOnceEachCountAndLockOnce() throws Exception {
		long id = createUser("racelock", "correct-horse-battery");
		ExecutorService callers = Executors.newFixedThreadPool(UserAccount.MAX_FAILED_ATTEMPTS);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<PasswordCheck>> checks = new ArrayList<>();
			for (int i = 0; i < UserAccount.MAX_FAILED_ATTEMPTS; i++) {
				checks.add(callers.submit(() -> {
					start.await();
					return this.people.checkPassword(id, "wrong-password");
				}));
			}
			start.countDown();
			List<PasswordCheck> outcomes = new ArrayList<>();
			for (Future<PasswordCheck> check : checks) {
				outcomes.add(check.get(60, TimeUnit.SECONDS));
			}
			// each wrong password counted (none lost to a concurrent one): the fifth
			// locks
			assertThat(outcomes).containsOnly(PasswordCheck.WRONG, PasswordCheck.LOCKED);
			assertThat(outcomes).filteredOn((o) -> o == PasswordCheck.LOCKED).hasSize(1);
		}
		finally {
			callers.shutdownNow();
		}
		assertThat(this.people.checkPassword(id, "correct-horse-battery")).isEqualTo(PasswordCheck.LOCKED);
		assertThat(this.jdbc.sql("select count(*) from audit_event where action = 'ACCOUNT_LOCKED' and entity_id = ?")
			.param(String.valueOf(id))
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void aWrongPasswordCountsEvenWhenTheCallersTransactionRollsBack() {
		long id = createUser("rollback", "correct-horse-battery");
		this.transactions.executeWithoutResult((status) -> {
			assertThat(this.people.checkPassword(id, "wrong-password")).isEqualTo(PasswordCheck.WRONG);
			status.setRollbackOnly();
		});
		assertThat(this.jdbc.sql("select failed_attempts from app_user where id = ?")
			.param(id)
			.query(Integer.class)
			.single()).isOne();
		assertThat(this.people.checkPassword(id, "correct-horse-battery")).isEqualTo(PasswordCheck.CORRECT);
		assertThat(this.jdbc.sql("select failed_attempts from app_user where id = ?")
			.param(id)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void deactivatedAccountCannotLogIn() {
		long id = createUser("leaver", "correct-horse-battery");
		this.transactions.executeWithoutResult((status) -> this.accounts.findById(id).orElseThrow().deactivate());
		assertThat(this.mvc.perform(formLogin().user("leaver").password("correct-horse-battery")))
			.hasRedirectedUrl("/login?error");
	}

	@Test
	void passwordsAreStoredAsArgon2idHashes() {
		String hash = this.jdbc.sql("select password_hash from app_user where username = 'explorer'")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$").doesNotContain("dualgate-demo");
	}

	private long createUser(String username, String password) {
		return this.transactions.execute(
				(status) -> this.accounts
					.saveAndFlush(new UserAccount(username, "Test " + username, username + "@example.com",
							this.passwordEncoder.encode(password), ReportingLine.OTHER, Set.of(Role.DELIVERY_PM),
							java.time.Instant.now()))
					.getId());
	}

}
