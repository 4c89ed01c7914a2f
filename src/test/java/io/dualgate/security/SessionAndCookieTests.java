package io.dualgate.security;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dualgate.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TRUST 18 and 23 over real HTTP (Tomcat, Spring Session in PostgreSQL): a new session id
 * at login, the cookie's flags, Secure and HSTS behind a TLS-terminating proxy, the idle
 * timeout, and a logout that ends the session on the server.
 */
@IntegrationTest
class SessionAndCookieTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	private WebClient client() {
		return new WebClient("http://127.0.0.1:" + this.port);
	}

	@Test
	void loginIssuesANewSessionIdAndTheCookieIsHttpOnlyAndLax() throws Exception {
		WebClient client = client();
		HttpResponse<String> loginPage = client.get("/login");
		String before = sessionCookie(loginPage).orElseThrow();

		HttpResponse<String> login = client.postForm("/login",
				Map.of("username", "explorer", "password", "dualgate-demo"));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		String setCookie = login.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("SESSION="))
			.findFirst()
			.orElseThrow();
		String after = value(setCookie);

		assertThat(after).isNotEqualTo(before);
		assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
		// Plain HTTP: no HSTS (browsers ignore it there; it must not pin plain-HTTP
		// hosts).
		assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void behindAnHttpsProxyTheCookieIsSecureAndHstsIsSent() throws Exception {
		WebClient client = client();
		HttpResponse<String> page = client.get("/login", "X-Forwarded-Proto", "https", "X-Forwarded-For",
				"203.0.113.7");
		String setCookie = page.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("SESSION="))
			.findFirst()
			.orElseThrow();
		assertThat(setCookie).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
		assertThat(page.headers().firstValue("Strict-Transport-Security").orElseThrow()).contains("max-age=31536000")
			.contains("includeSubDomains");
	}

	@Test
	void sessionsExpireAfterThirtyIdleMinutes() throws Exception {
		WebClient client = client();
		HttpResponse<String> login = client.logIn("deliverer", "dualgate-demo");
		String sessionId = new String(java.util.Base64.getDecoder().decode(sessionCookie(login).orElseThrow()),
				java.nio.charset.StandardCharsets.UTF_8);
		List<Integer> intervals = this.jdbc.queryForList(
				"SELECT max_inactive_interval FROM spring_session WHERE session_id = ?", Integer.class, sessionId);
		assertThat(intervals).isNotEmpty().allMatch((seconds) -> seconds == 30 * 60);
	}

	@Test
	void logoutEndsTheSessionOnTheServer() throws Exception {
		WebClient client = client();
		HttpResponse<String> login = client.logIn("executive", "dualgate-demo");
		String session = login.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("SESSION="))
			.map(SessionAndCookieTests::value)
			.findFirst()
			.orElseThrow();
		assertThat(client.get("/prototypes").statusCode()).isEqualTo(200);

		HttpResponse<String> logout = client.postForm("/logout", Map.of());
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location").orElseThrow()).contains("/login?logout");

		// Replaying the old cookie gets the login page, not the portfolio.
		WebClient replay = client();
		HttpResponse<String> again = replay.get("/prototypes", "Cookie", "SESSION=" + session);
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(again.headers().firstValue("Location").orElseThrow()).contains("/login");
		// The cookie holds the session id, Base64-encoded; its row is gone.
		String sessionId = new String(java.util.Base64.getDecoder().decode(session),
				java.nio.charset.StandardCharsets.UTF_8);
		Integer rows = this.jdbc.queryForObject("SELECT count(*) FROM spring_session WHERE session_id = ?",
				Integer.class, sessionId);
		assertThat(rows).isZero();
	}

	private static Optional<String> sessionCookie(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("SESSION="))
			.map(SessionAndCookieTests::value)
			.findFirst();
	}

	private static String value(String setCookie) {
		return setCookie.substring("SESSION=".length(), setCookie.indexOf(';'));
	}

}
