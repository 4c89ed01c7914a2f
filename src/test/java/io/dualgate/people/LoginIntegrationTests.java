package io.dualgate.people;

import java.util.Set;

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
