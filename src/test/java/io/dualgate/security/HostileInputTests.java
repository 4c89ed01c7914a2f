package io.dualgate.security;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.dualgate.IntegrationTest;
import io.dualgate.people.ApiTokens;
import io.dualgate.people.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TRUST 24 and 28 over real HTTP (Tomcat's own limits included): malformed paths, values
 * and bodies get a 4xx with a message (the error page or a problem detail), never a 5xx,
 * never a stack trace or SQL, and they change no data.
 */
@IntegrationTest
class HostileInputTests {

	/** What must never reach a client. */
	static final List<String> LEAKS = List.of("Exception", "\tat ", "at io.dualgate", "org.springframework",
			"org.hibernate", "org.postgresql", "PSQL", "SQLState", "select ", "insert into", "java.lang", "Caused by",
			"Apache Tomcat");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	People people;

	private WebClient explorer;

	private WebClient admin;

	private String bearer;

	@BeforeEach
	void signIn() throws Exception {
		this.explorer = new WebClient("http://127.0.0.1:" + this.port);
		this.explorer.logIn("explorer", "dualgate-demo");
		this.admin = new WebClient("http://127.0.0.1:" + this.port);
		this.admin.logIn("admin", "dualgate-demo");
		this.bearer = "Bearer "
				+ this.tokens.create(this.people.findByUsername("explorer").orElseThrow().id(), "hostile");
	}

	@Test
	void malformedPathsAndValuesGetClientErrorsWithoutInternals() throws Exception {
		long before = dataFingerprint();
		List<String> problems = new ArrayList<>();
		check(problems, "bad enum", this.explorer.get("/prototypes?stage=NOT_A_STAGE"));
		check(problems, "huge key", this.explorer.get("/prototypes/" + "A".repeat(5000)));
		check(problems, "encoded NUL", this.explorer.get("/prototypes/%00"));
		check(problems, "traversal", this.explorer.get("/prototypes/..%2F..%2Fetc%2Fpasswd"));
		check(problems, "unknown page", this.explorer.get("/no/such/page"));
		check(problems, "text id", this.admin.get("/admin/users/abc/edit"));
		check(problems, "negative id", this.admin.get("/admin/users/-1/edit"));
		check(problems, "overflow id", this.admin.get("/admin/users/99999999999999999999999/edit"));
		check(problems, "huge query", this.explorer.get("/prototypes?q=" + "x".repeat(20_000)));
		check(problems, "huge header", this.explorer.get("/prototypes", "X-Filler", "y".repeat(20_000)));
		check(problems, "api bad enum",
				this.explorer.get("/api/v1/prototypes?stage=NOPE", "Authorization", this.bearer));
		check(problems, "api unknown key", this.explorer.get("/api/v1/prototypes/NOPE", "Authorization", this.bearer));
		HttpResponse<String> unknownApi = this.explorer.get("/api/v1/nothing/here", "Authorization", this.bearer);
		check(problems, "api unknown path", unknownApi);
		assertThat(unknownApi.statusCode()).isEqualTo(404);
		assertThat(unknownApi.headers().firstValue("Content-Type").orElseThrow())
			.startsWith("application/problem+json");
		HttpResponse<String> unknownPage = this.explorer.get("/no/such/page/either");
		assertThat(unknownPage.statusCode()).isEqualTo(404);
		assertThat(unknownPage.body()).contains("Not found");
		check(problems, "api bad token",
				this.explorer.get("/api/v1/prototypes", "Authorization", "Bearer ' OR 1=1 --"));
		check(problems, "api no token", this.explorer.get("/api/v1/prototypes"));
		assertThat(problems).isEmpty();
		assertThat(dataFingerprint()).isEqualTo(before);
	}

	@Test
	void malformedBodiesGetClientErrorsAndChangeNothing() throws Exception {
		this.explorer.get("/prototypes/new");
		String csrf = this.explorer.csrfToken();
		long before = dataFingerprint();
		List<String> problems = new ArrayList<>();

		check(problems, "empty form", this.explorer.postForm("/prototypes/new", Map.of()));
		check(problems, "over-long fields",
				this.explorer.postForm("/prototypes/new",
						Map.of("key", "K".repeat(300), "name", "n".repeat(5000), "problemStatement",
								"p".repeat(100_000), "vertical", "v".repeat(1000), "explorationPmId", "-1",
								"deliveryPmId", "99999999999999999999")));
		check(problems, "wrong types",
				this.explorer.postForm("/prototypes/new", Map.of("key", "TYPES", "name", "n", "problemStatement", "p",
						"vertical", "v", "explorationPmId", "abc", "deliveryPmId", "1e9", "version", "NaN")));
		HttpResponse<String> huge = this.explorer.post("/prototypes/new", "application/x-www-form-urlencoded",
				BodyPublishers.ofString("_csrf=" + csrf + "&name=" + "x".repeat(3 * 1024 * 1024)));
		check(problems, "3 MB form", huge);
		assertThat(huge.statusCode()).isEqualTo(413);
		assertThat(huge.body()).contains("larger than DualGate accepts");
		// The same without a Content-Length (chunked): Tomcat's own limit, the same
		// answer.
		HttpResponse<String> chunked = this.explorer
			.post("/prototypes/new", "application/x-www-form-urlencoded", BodyPublishers.ofInputStream(
					() -> new java.io.ByteArrayInputStream(("_csrf=" + csrf + "&name=" + "x".repeat(3 * 1024 * 1024))
						.getBytes(StandardCharsets.US_ASCII))));
		check(problems, "3 MB chunked form", chunked);
		assertThat(chunked.statusCode()).isIn(400, 413);

		byte[] binary = new byte[64 * 1024];
		new Random(42).nextBytes(binary);
		check(problems, "binary form", this.explorer.post("/prototypes/new", "application/x-www-form-urlencoded",
				BodyPublishers.ofByteArray(binary)));
		byte[] badUtf8 = ("_csrf=" + csrf + "&key=BAD-UTF&name=").getBytes(StandardCharsets.US_ASCII);
		byte[] withBadBytes = new byte[badUtf8.length + 4];
		System.arraycopy(badUtf8, 0, withBadBytes, 0, badUtf8.length);
		withBadBytes[badUtf8.length] = (byte) 0xC3;
		withBadBytes[badUtf8.length + 1] = (byte) 0x28;
		withBadBytes[badUtf8.length + 2] = (byte) 0xFF;
		withBadBytes[badUtf8.length + 3] = (byte) 0xFE;
		check(problems, "invalid UTF-8", this.explorer.post("/prototypes/new",
				"application/x-www-form-urlencoded; charset=UTF-8", BodyPublishers.ofByteArray(withBadBytes)));
		check(problems, "JSON to a form", this.explorer.post("/prototypes/new", "application/json",
				BodyPublishers.ofString("{\"key\":\"JSON\",\"stage\":\"PRODUCTION\"}"), "X-CSRF-TOKEN", csrf));
		String deep = "[".repeat(100_000) + "]".repeat(100_000);
		check(problems, "deep JSON", this.explorer.post("/api/v1/prototypes", "application/json",
				BodyPublishers.ofString(deep), "Authorization", this.bearer));
		check(problems, "unknown fields JSON", this.explorer.post("/api/v1/tokens", "application/json",
				BodyPublishers.ofString("{\"userId\":1,\"roles\":[\"ADMIN\"],\"expiresAt\":\"never\"}"),
				"Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("nobody:nothing".getBytes())));
		// Refused before it is read; the connection closes, so the client may not see a
		// body.
		HttpResponse<String> upload = this.explorer.post("/prototypes/new", "multipart/form-data; boundary=x",
				BodyPublishers.ofByteArray(new byte[60 * 1024 * 1024]), "X-CSRF-TOKEN", csrf);
		assertThat(upload.statusCode()).isEqualTo(413);

		assertThat(problems).isEmpty();
		assertThat(dataFingerprint()).isEqualTo(before);
	}

	private static void check(List<String> problems, String what, HttpResponse<String> response) {
		int status = response.statusCode();
		if (status >= 500) {
			problems.add(what + ": status " + status);
		}
		if (status >= 400) {
			for (String leak : LEAKS) {
				if (response.body().contains(leak)) {
					problems.add(what + ": body reveals '" + leak.strip() + "'");
				}
			}
			if (response.body().isBlank() && status != 401) {
				problems.add(what + ": " + status + " without a message");
			}
		}
	}

	/** Rows in the tables a request could touch; audit rows count every change. */
	private long dataFingerprint() {
		Long count = this.jdbc.queryForObject(
				"SELECT (SELECT count(*) FROM prototype) * 1000000"
						+ " + (SELECT count(*) FROM app_user) * 1000 + (SELECT count(*) FROM stage_change)",
				Long.class);
		return (count != null) ? count : 0;
	}

}
