package io.dualgate.security;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dualgate.IntegrationTest;
import io.dualgate.people.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TRUST 29 and 33 over real HTTP with real sessions in PostgreSQL: rights end with their
 * revocation. A session opened before an admin deactivated its person, or took a role
 * away, or before the person changed their password, acts on nothing after that; the
 * password form counts wrong passwords exactly as the login does.
 */
@IntegrationTest
class RevokedRightsTests {

	private static final String PASSWORD = "dualgate-demo";

	private static final AtomicInteger counter = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void aDeactivatedAdminsOpenSessionCanNeitherReadNorReactivateItself() throws Exception {
		String username = person("admin", Role.ADMIN);
		long id = userId(username);
		WebClient deactivated = loggedIn(username);
		assertThat(deactivated.get("/admin/users").statusCode()).isEqualTo(200);

		WebClient admin = loggedIn("admin");
		admin.get("/admin/users");
		assertThat(admin.postForm("/admin/users/" + id + "/deactivate", Map.of()).statusCode()).isEqualTo(302);

		HttpResponse<String> page = deactivated.get("/admin/users");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
		HttpResponse<String> reactivate = deactivated.postForm("/admin/users/" + id + "/activate", Map.of());
		assertThat(reactivate.statusCode()).isIn(302, 403);
		assertThat(reactivate.headers().firstValue("Location").orElse("/login")).endsWith("/login");
		assertThat(active(id)).isFalse();
		assertThat(sessionsOf(username)).isZero();
	}

	@Test
	void aDemotedAdminLosesTheAdminPagesOnTheNextRequest() throws Exception {
		String username = person("demoted", Role.ADMIN, Role.EXECUTIVE);
		long id = userId(username);
		WebClient demoted = loggedIn(username);
		assertThat(demoted.get("/admin/audit").statusCode()).isEqualTo(200);

		WebClient admin = loggedIn("admin");
		HttpResponse<String> form = admin.get("/admin/users/" + id + "/edit");
		admin.postForm("/admin/users/" + id + "/edit",
				Map.of("username", username, "fullName", "Demoted " + username, "email", username + "@test.example",
						"reportingLine", "OTHER", "roles", "EXECUTIVE", "version", hidden(form.body(), "version")));
		assertThat(roles(id)).containsExactly("EXECUTIVE");

		assertThat(demoted.get("/admin/audit").statusCode()).isEqualTo(302);
		assertThat(demoted.get("/admin/users").statusCode()).isEqualTo(302);
		// Signed in again, the person holds exactly the rights they now have.
		WebClient again = loggedIn(username);
		assertThat(again.get("/admin/audit").statusCode()).isEqualTo(403);
		assertThat(again.get("/prototypes").statusCode()).isEqualTo(200);
	}

	@Test
	void aDeactivatedPmCannotKillAPrototype() throws Exception {
		String pm = person("killer", Role.EXPLORATION_PM);
		String key = prototype(pm);
		WebClient session = loggedIn(pm);
		session.get("/prototypes/" + key);
		this.jdbc.sql("update app_user set active = false, security_stamp = security_stamp + 1 where id = ?")
			.param(userId(pm))
			.update();

		HttpResponse<String> kill = session.postForm("/prototypes/" + key + "/kill", Map.of("reason", "because"));
		assertThat(kill.statusCode()).isIn(302, 403);
		assertThat(kill.headers().firstValue("Location").orElse("/login")).endsWith("/login");
		assertThat(this.jdbc.sql("select stage from prototype where key = ?").param(key).query(String.class).single())
			.isEqualTo("PROTOTYPE");
	}

	@Test
	void wrongCurrentPasswordsLockTheAccountAfterAsManyFailuresAsLoginAndAreAudited() throws Exception {
		String username = person("guesser", Role.EXECUTIVE);
		long id = userId(username);
		WebClient session = loggedIn(username);
		for (int attempt = 1; attempt <= 8; attempt++) {
			session.get("/profile");
			HttpResponse<String> answer = session.postForm("/profile/password",
					Map.of("currentPassword", "wrong-guess-" + attempt, "newPassword", "a-new-long-password",
							"confirmPassword", "a-new-long-password"));
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.body()).contains((attempt < 5) ? "The current password is not correct."
					: "Too many wrong passwords: this account is locked for a while.");
		}
		assertThat(this.jdbc.sql("select locked_until is not null from app_user where id = ?")
			.param(id)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where action = 'ACCOUNT_LOCKED' and entity_type = 'user'"
					+ " and entity_id = ? and reason like '%password change%'")
			.param(String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(1);
		// Locked: even the right password changes nothing now.
		session.get("/profile");
		session.postForm("/profile/password", Map.of("currentPassword", PASSWORD, "newPassword", "a-new-long-password",
				"confirmPassword", "a-new-long-password"));
		assertThat(passwordHash(id)).satisfies(
				(hash) -> assertThat(this.passwordEncoder.matches(PASSWORD, hash)).as("password unchanged").isTrue());
	}

	@Test
	void aPasswordChangeRenewsTheSessionIdEndsOtherSessionsAndRevokesTokens() throws Exception {
		String username = person("changer", Role.EXPLORATION_PM);
		WebClient laptop = loggedIn(username);
		WebClient phone = loggedIn(username);
		String token = token(username);
		assertThat(apiStatus(token)).isEqualTo(200);
		laptop.get("/profile");
		String before = sessionId(laptop);

		HttpResponse<String> change = laptop.postForm("/profile/password", Map.of("currentPassword", PASSWORD,
				"newPassword", "a-brand-new-password", "confirmPassword", "a-brand-new-password"));
		assertThat(change.statusCode()).isEqualTo(302);

		assertThat(sessionId(laptop)).isNotEqualTo(before);
		HttpResponse<String> profile = laptop.get("/profile");
		assertThat(profile.statusCode()).isEqualTo(200);
		assertThat(profile.body()).contains("Your password is changed.");
		assertThat(phone.get("/profile").statusCode()).isEqualTo(302);
		assertThat(apiStatus(token)).isEqualTo(401);
		assertThat(sessionsOf(username)).isEqualTo(1);
	}

	private WebClient loggedIn(String username) throws Exception {
		WebClient client = new WebClient("http://127.0.0.1:" + this.port);
		HttpResponse<String> login = client.logIn(username, PASSWORD);
		assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		return client;
	}

	private String token(String username) throws Exception {
		WebClient client = new WebClient("http://127.0.0.1:" + this.port);
		String basic = java.util.Base64.getEncoder()
			.encodeToString((username + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		HttpResponse<String> answer = client.post("/api/v1/tokens", "application/json",
				HttpRequest.BodyPublishers.ofString("{}"), "Authorization", "Basic " + basic, "Accept",
				"application/json");
		Matcher matcher = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
		assertThat(matcher.find()).as(answer.body()).isTrue();
		return matcher.group(1);
	}

	private int apiStatus(String token) throws Exception {
		return new WebClient("http://127.0.0.1:" + this.port)
			.get("/api/v1/prototypes", "Authorization", "Bearer " + token, "Accept", "application/json")
			.statusCode();
	}

	private static String sessionId(WebClient client) {
		return client.cookies()
			.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("SESSION"))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElseThrow();
	}

	private static String hidden(String html, String name) {
		Matcher matcher = Pattern.compile("name=\"" + name + "\"\\s+value=\"([^\"]*)\"").matcher(html);
		if (!matcher.find()) {
			matcher = Pattern.compile("value=\"([^\"]*)\"\\s+name=\"" + name + "\"").matcher(html);
			assertThat(matcher.find()).as("hidden field %s", name).isTrue();
		}
		return matcher.group(1);
	}

	private String person(String prefix, Role... roles) {
		String username = prefix + counter.incrementAndGet() + System.nanoTime() % 100000;
		long id = this.jdbc.sql("""
				insert into app_user (username, full_name, email, password_hash, reporting_line)
				values (?, ?, ?, ?, 'CPO') returning id""")
			.params(username, "Test " + username, username + "@test.example", this.passwordEncoder.encode(PASSWORD))
			.query(Long.class)
			.single();
		Arrays.stream(roles)
			.forEach((role) -> this.jdbc.sql("insert into user_role (user_id, role) values (?, ?)")
				.params(id, role.name())
				.update());
		return username;
	}

	private String prototype(String explorationPm) {
		String key = "RR" + counter.incrementAndGet() + "-" + (System.nanoTime() % 1000000);
		this.jdbc.sql("""
				insert into prototype (key, name, problem_statement, vertical, exploration_pm_id, delivery_pm_id, stage)
				values (?, ?, 'A test problem', 'Testing', ?, ?, 'PROTOTYPE')""")
			.params(key, "Prototype " + key, userId(explorationPm), userId("deliverer"))
			.update();
		return key;
	}

	private long userId(String username) {
		return this.jdbc.sql("select id from app_user where lower(username) = lower(?)")
			.param(username)
			.query(Long.class)
			.single();
	}

	private boolean active(long id) {
		return this.jdbc.sql("select active from app_user where id = ?").param(id).query(Boolean.class).single();
	}

	private String passwordHash(long id) {
		return this.jdbc.sql("select password_hash from app_user where id = ?").param(id).query(String.class).single();
	}

	private java.util.List<String> roles(long id) {
		return this.jdbc.sql("select role from user_role where user_id = ? order by role")
			.param(id)
			.query(String.class)
			.list();
	}

	private long sessionsOf(String username) {
		return this.jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(username)
			.query(Long.class)
			.single();
	}

}
