package io.dualgate.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.dualgate.IntegrationTest;
import io.dualgate.people.People;
import io.dualgate.portfolio.Portfolio;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.portfolio.Stage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * TRUST 16, 20-23: password policy and hashing, no over-posting, CSRF on every
 * state-changing form, security headers everywhere, output encoding.
 */
@IntegrationTest
class WebSecurityTests {

	static final String XSS = "<script>alert('dg')</script>\"><img src=x onerror=alert(1)>";

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	UserDetailsService users;

	@Autowired
	People people;

	@Autowired
	Portfolio portfolio;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	// --- TRUST 16
	// -------------------------------------------------------------------------

	@Test
	void passwordsNeedTwelveToOneHundredTwentyEightCharacters() throws Exception {
		assertThat(createUser("pw11", "a".repeat(11)).getStatus()).isEqualTo(200);
		assertThat(createUser("pw129", "a".repeat(129)).getStatus()).isEqualTo(200);
		assertThat(this.people.findByUsername("pw11")).isEmpty();
		assertThat(this.people.findByUsername("pw129")).isEmpty();

		assertThat(createUser("pw12", "b".repeat(12)).getRedirectedUrl()).isEqualTo("/admin/users");
		assertThat(createUser("pw128", "c".repeat(128)).getRedirectedUrl()).isEqualTo("/admin/users");
		// Counted as people count: 128 Chinese characters (384 bytes) are fine too.
		assertThat(createUser("pw128zh", "密".repeat(128)).getRedirectedUrl()).isEqualTo("/admin/users");
		assertThat(this.people.findByUsername("pw12")).isPresent();
		assertThat(this.people.findByUsername("pw128")).isPresent();
	}

	@Test
	void passwordsAreStoredAsArgon2idThroughTheDelegatingEncoder() throws Exception {
		createUser("hashcheck", "a-long-enough-secret");
		String hash = this.jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = 'hashcheck'",
				String.class);
		assertThat(hash).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$").doesNotContain("a-long-enough-secret");
		assertThat(this.passwordEncoder.matches("a-long-enough-secret", hash)).isTrue();
		// delegating: hashes of older accounts (bcrypt) still verify
		String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder().encode("a-long-enough-secret");
		assertThat(this.passwordEncoder.matches("a-long-enough-secret", bcrypt)).isTrue();
		assertThat(this.passwordEncoder.matches("another-secret-here", bcrypt)).isFalse();
	}

	// --- TRUST 20: no over-posting
	// ----------------------------------------------------------

	@Test
	void idsStageAndTimestampsAreNeverBoundFromTheRequest() throws Exception {
		String key = "OVERPOST-" + ThreadLocalRandom.current().nextInt(1000, 9999);
		long explorer = this.people.findByUsername("explorer").orElseThrow().id();
		long deliverer = this.people.findByUsername("deliverer").orElseThrow().id();
		this.mvc
			.perform(post("/prototypes/new").with(csrf())
				.with(user(this.users.loadUserByUsername("explorer")))
				.param("key", key)
				.param("name", "Over-posting probe")
				.param("problemStatement", "Checks binding.")
				.param("vertical", "Testing")
				.param("explorationPmId", String.valueOf(explorer))
				.param("deliveryPmId", String.valueOf(deliverer))
				.param("id", "1")
				.param("stage", "PRODUCTION")
				.param("createdAt", "2000-01-01T00:00:00Z")
				.param("createdBy", String.valueOf(deliverer))
				.param("history[0].toStage", "PILOT"))
			.andReturn();
		PrototypeView created = this.portfolio.get(key);
		assertThat(created.stage()).isEqualTo(Stage.PROTOTYPE);
		assertThat(created.id()).isNotEqualTo(1L);
		assertThat(created.createdAt().getEpochSecond()).isGreaterThan(946_684_800L);
		assertThat(created.history()).hasSize(1);

		this.mvc
			.perform(post("/prototypes/" + key + "/edit").with(csrf())
				.with(user(this.users.loadUserByUsername("explorer")))
				.param("key", "HIJACKED-KEY")
				.param("name", "Over-posting probe, edited")
				.param("problemStatement", "Checks binding.")
				.param("vertical", "Testing")
				.param("explorationPmId", String.valueOf(explorer))
				.param("deliveryPmId", String.valueOf(deliverer))
				.param("version", String.valueOf(created.version()))
				.param("stage", "KILLED")
				.param("id", "1"))
			.andReturn();
		PrototypeView edited = this.portfolio.get(key);
		assertThat(edited.name()).isEqualTo("Over-posting probe, edited");
		assertThat(edited.stage()).isEqualTo(Stage.PROTOTYPE);
		assertThat(edited.id()).isEqualTo(created.id());
		assertThat(this.portfolio.findByKey("HIJACKED-KEY")).isEmpty();
	}

	@Test
	void anAdminEditCannotRenameOrReactivateThroughExtraFields() throws Exception {
		createUser("renameprobe", "a-long-enough-secret");
		long id = this.people.findByUsername("renameprobe").orElseThrow().id();
		Long version = this.jdbc.queryForObject("SELECT version FROM app_user WHERE id = ?", Long.class, id);
		this.mvc
			.perform(post("/admin/users/" + id + "/edit").with(csrf())
				.with(user(this.users.loadUserByUsername("admin")))
				.param("username", "admin2")
				.param("fullName", "Rename Probe")
				.param("email", "probe@example.com")
				.param("reportingLine", "OTHER")
				.param("roles", "EXECUTIVE")
				.param("version", String.valueOf(version))
				.param("id", "1")
				.param("active", "false")
				.param("passwordHash", "{noop}x"))
			.andReturn();
		assertThat(this.people.get(id).username()).isEqualTo("renameprobe");
		assertThat(this.people.get(id).active()).isTrue();
		assertThat(this.people.findByUsername("admin2")).isEmpty();
		String hash = this.jdbc.queryForObject("SELECT password_hash FROM app_user WHERE id = ?", String.class, id);
		assertThat(hash).startsWith("{argon2");
	}

	// --- TRUST 21: CSRF
	// -------------------------------------------------------------------

	@Test
	void everyStateChangingFormNeedsACsrfToken() throws Exception {
		List<String> accepted = new ArrayList<>();
		for (Endpoint endpoint : Endpoint.all(this.mapping)) {
			if (!endpoint.changesState() || endpoint.isApi()) {
				continue;
			}
			String path = endpoint.pattern().replaceAll("\\{key}", "CONTRACT-RISK").replaceAll("\\{\\w+}", "1");
			int status = this.mvc
				.perform(request(HttpMethod.valueOf(endpoint.method().name()), path)
					.with(user(this.users.loadUserByUsername("admin"))))
				.andReturn()
				.getResponse()
				.getStatus();
			if (status != 403) {
				accepted.add(endpoint.key() + " -> " + status);
			}
		}
		assertThat(accepted).as("state-changing endpoints that answered without a CSRF token").isEmpty();
		assertThat(this.mvc.perform(post("/login").param("username", "explorer").param("password", "dualgate-demo"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	// --- TRUST 23: headers
	// ----------------------------------------------------------------

	@Test
	void everyKindOfResponseCarriesTheSecurityHeaders() throws Exception {
		List<MockHttpServletRequestBuilder> requests = new ArrayList<>();
		for (Endpoint endpoint : Endpoint.all(this.mapping)) {
			if (endpoint.changesState()) {
				continue;
			}
			String path = endpoint.pattern().replaceAll("\\{key}", "CONTRACT-RISK").replaceAll("\\{\\w+}", "1");
			requests.add(get(path).with(user(this.users.loadUserByUsername("admin"))));
			requests.add(get(path));
		}
		requests.add(get("/css/dualgate.css"));
		requests.add(get("/webjars/bootstrap/css/bootstrap.min.css"));
		requests.add(get("/actuator/health"));
		requests.add(get("/prototypes/NO-SUCH-THING").with(user(this.users.loadUserByUsername("explorer"))));
		requests.add(post("/prototypes/new").with(user(this.users.loadUserByUsername("executive"))).with(csrf()));
		requests.add(get("/api/v1/prototypes"));
		List<String> missing = new ArrayList<>();
		for (MockHttpServletRequestBuilder request : requests) {
			MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
			String csp = response.getHeader("Content-Security-Policy");
			String what = response.getStatus() + " " + request;
			if (csp == null || !csp.contains("script-src 'self'") || csp.contains("unsafe-inline")
					|| !csp.contains("frame-ancestors 'none'")) {
				missing.add(what + ": CSP " + csp);
			}
			if (!"DENY".equals(response.getHeader("X-Frame-Options"))) {
				missing.add(what + ": X-Frame-Options");
			}
			if (!"nosniff".equals(response.getHeader("X-Content-Type-Options"))) {
				missing.add(what + ": nosniff");
			}
			if (response.getHeader("Referrer-Policy") == null) {
				missing.add(what + ": Referrer-Policy");
			}
		}
		assertThat(missing).isEmpty();
	}

	// --- TRUST 22: output encoding
	// ----------------------------------------------------------

	@Test
	void templatesNeverUseUnescapedTextOrInlineScriptsAndStyles() throws IOException {
		Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
		Pattern handler = Pattern.compile("\\s(on[a-z]+|th:on[a-z]+)\\s*=", Pattern.CASE_INSENSITIVE);
		Pattern style = Pattern.compile("\\s(style|th:style)\\s*=", Pattern.CASE_INSENSITIVE);
		List<String> offences = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".html")).toList()) {
				String html = Files.readString(file);
				if (html.contains("th:utext") || html.contains("data-th-utext") || html.contains("[(")) {
					offences.add(file + ": unescaped output (th:utext or [(...)])");
				}
				if (inlineScript.matcher(html).find()) {
					offences.add(file + ": inline <script>");
				}
				if (handler.matcher(html).find()) {
					offences.add(file + ": inline event handler");
				}
				if (style.matcher(html).find()) {
					offences.add(file + ": style attribute");
				}
			}
		}
		assertThat(offences).isEmpty();
	}

	@Test
	void scriptInEveryFreeTextFieldComesBackEscaped() throws Exception {
		String key = "XSS-" + ThreadLocalRandom.current().nextInt(1000, 9999);
		long explorer = this.people.findByUsername("explorer").orElseThrow().id();
		long deliverer = this.people.findByUsername("deliverer").orElseThrow().id();
		this.mvc
			.perform(post("/prototypes/new").with(csrf())
				.with(user(this.users.loadUserByUsername("explorer")))
				.param("key", key)
				.param("name", XSS)
				.param("problemStatement", XSS)
				.param("vertical", XSS.substring(0, 50))
				.param("explorationPmId", String.valueOf(explorer))
				.param("deliveryPmId", String.valueOf(deliverer)))
			.andReturn();
		assertThat(this.portfolio.get(key).name()).isEqualTo(XSS);
		createUser("xssprobe", "a-long-enough-secret", XSS.substring(0, 50));

		List<String> pages = new ArrayList<>();
		pages.add(page(get("/prototypes/" + key), "explorer"));
		pages.add(page(get("/prototypes"), "explorer"));
		pages.add(page(get("/prototypes").param("q", XSS), "explorer"));
		pages.add(page(get("/prototypes/" + key + "/edit"), "explorer"));
		pages.add(page(get("/admin/users"), "admin"));
		pages.add(page(get("/admin/audit"), "admin"));
		// A form re-rendered with an error echoes what was typed, escaped.
		pages.add(page(post("/prototypes/new").with(csrf()).param("key", "bad key").param("name", XSS), "explorer"));
		for (String page : pages) {
			assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x");
		}
		assertThat(pages.get(0)).contains("&lt;script&gt;alert(");
		// JSON carries the text as data (escaping is the reader's job); it is never
		// sniffed as HTML.
		MockHttpServletResponse json = this.mvc
			.perform(get("/api/v1/prototypes/" + key).header("Authorization", "Bearer " + apiToken()))
			.andReturn()
			.getResponse();
		assertThat(json.getContentType()).startsWith("application/json");
		assertThat(json.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	private String apiToken() {
		long id = this.people.findByUsername("explorer").orElseThrow().id();
		return this.tokens.create(id, "xss probe");
	}

	@Autowired
	io.dualgate.people.ApiTokens tokens;

	private String page(MockHttpServletRequestBuilder request, String username) throws Exception {
		return this.mvc.perform(request.with(user(this.users.loadUserByUsername(username))))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private MockHttpServletResponse createUser(String username, String password) throws Exception {
		return createUser(username, password, "Probe " + username);
	}

	private MockHttpServletResponse createUser(String username, String password, String fullName) throws Exception {
		return this.mvc
			.perform(post("/admin/users/new").with(csrf())
				.with(user(this.users.loadUserByUsername("admin")))
				.param("username", username)
				.param("fullName", fullName)
				.param("email", username + "@example.com")
				.param("reportingLine", "OTHER")
				.param("roles", "EXECUTIVE")
				.param("password", password))
			.andReturn()
			.getResponse();
	}

}
