package io.dualgate.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.dualgate.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * TRUST 8 and 17: five failed logins lock an account; an unknown user, a wrong password
 * and a locked account get the same answer in similar time; security events are logged
 * with the request id and without the password.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottlingTests {

	static final String PASSWORD = "throttle-secret-pw";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void fiveFailuresLockTheAccountAndEveryFailureLooksAndTakesTheSame(CapturedOutput output) throws Exception {
		createUser("throttled");
		warmUp();

		List<Long> wrongPassword = new ArrayList<>();
		for (int attempt = 1; attempt <= 5; attempt++) {
			wrongPassword.add(timedLogin("throttled", "wrong-password-" + attempt, "/login?error"));
		}
		// Locked now: even the right password is refused, with the same answer.
		List<Long> locked = new ArrayList<>();
		for (int attempt = 1; attempt <= 5; attempt++) {
			locked.add(timedLogin("throttled", PASSWORD, "/login?error"));
		}
		List<Long> unknown = new ArrayList<>();
		for (int attempt = 1; attempt <= 5; attempt++) {
			unknown.add(timedLogin("nobody-" + attempt, "wrong-password", "/login?error"));
		}

		long wrongMs = median(wrongPassword);
		long lockedMs = median(locked);
		long unknownMs = median(unknown);
		System.out.printf("Login timing medians: wrong password %d ms, locked %d ms, unknown user %d ms%n", wrongMs,
				lockedMs, unknownMs);
		// Generous: the same order of magnitude (every path pays one Argon2id hash).
		assertSimilar(wrongMs, unknownMs);
		assertSimilar(lockedMs, unknownMs);
		assertSimilar(wrongMs, lockedMs);

		assertThat(output.getOut()).contains("Account locked until");
	}

	@Test
	void aFailedLoginIsLoggedWithTheRequestIdButNeverThePassword(CapturedOutput output) throws Exception {
		String secret = "Zebra-Lantern-" + System.nanoTime();
		this.mvc
			.perform(post("/login").with(csrf())
				.header("X-Request-Id", "probe-login-1")
				.param("username", "explorer")
				.param("password", secret))
			.andReturn();
		this.mvc
			.perform(post("/login").with(csrf())
				.header("X-Request-Id", "probe-login-2")
				.param("username", "no-such-person")
				.param("password", secret))
			.andReturn();
		List<String> lines = output.getOut().lines().filter((line) -> line.contains("Failed login")).toList();
		assertThat(lines).anyMatch((line) -> line.contains("probe-login-1"))
			.anyMatch((line) -> line.contains("probe-login-2"));
		assertThat(output.getAll()).doesNotContain(secret);
		// Reset explorer's failure count for the other tests.
		this.mvc.perform(post("/login").with(csrf()).param("username", "explorer").param("password", "dualgate-demo"))
			.andReturn();
	}

	private long timedLogin(String username, String password, String expectedRedirect) throws Exception {
		long start = System.nanoTime();
		MockHttpServletResponse response = this.mvc
			.perform(post("/login").with(csrf()).param("username", username).param("password", password))
			.andReturn()
			.getResponse();
		long elapsedMs = (System.nanoTime() - start) / 1_000_000;
		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).isEqualTo(expectedRedirect);
		return elapsedMs;
	}

	private void warmUp() throws Exception {
		for (int i = 0; i < 3; i++) {
			timedLogin("warm-up-nobody", "x", "/login?error");
		}
	}

	private static void assertSimilar(long aMs, long bMs) {
		long low = Math.max(1, Math.min(aMs, bMs));
		long high = Math.max(aMs, bMs);
		assertThat(high <= 3 * low || high - low <= 150).as("login timings %d ms and %d ms should be alike", aMs, bMs)
			.isTrue();
	}

	private static long median(List<Long> samples) {
		long[] sorted = samples.stream().mapToLong(Long::longValue).toArray();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private void createUser(String username) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(post("/admin/users/new").with(csrf())
				.with(user(this.users.loadUserByUsername("admin")))
				.param("username", username)
				.param("fullName", "Throttle Probe")
				.param("email", username + "@example.com")
				.param("reportingLine", "OTHER")
				.param("roles", "EXECUTIVE")
				.param("password", PASSWORD))
			.andReturn()
			.getResponse();
		assertThat(response.getRedirectedUrl()).isEqualTo("/admin/users");
	}

}
