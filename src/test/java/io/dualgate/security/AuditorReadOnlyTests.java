package io.dualgate.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dualgate.IntegrationTest;
import io.dualgate.people.ApiTokens;
import io.dualgate.people.People;
import io.dualgate.people.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The auditor reads everything and writes nothing. Every endpoint is read from Spring
 * MVC's request mappings, so an endpoint added later is walked too: each write answers
 * 403 to the demo {@code auditor} (with a valid CSRF token or API token, so nothing but
 * the role refuses it) and the audit trail does not grow; each read answers, except the
 * forms that only exist to write.
 */
@IntegrationTest
class AuditorReadOnlyTests {

	/** Writes to the auditor's own account, which every person may make. */
	static final Set<String> OWN_ACCOUNT = Set.of("POST /profile/password", "POST /profile/tokens",
			"POST /profile/tokens/{id}/revoke", "POST /profile/language", "POST /profile/notifications",
			"POST /notifications/{id}/read", "POST /notifications/read-all", "POST /api/v1/tokens",
			"POST /api/v1/notifications/{id}/read");

	/** Pages that are forms to change something (or a signer's own queue): refused. */
	static final Set<String> WRITE_FORMS = Set.of("GET /prototypes/new", "GET /prototypes/{key}/edit",
			"GET /observations/upload", "GET /prototypes/{key}/pocs/new", "GET /prototypes/{key}/pocs/{id}/edit",
			"GET /prototypes/{key}/maturity/new", "GET /admin/users/new", "GET /admin/users/{id}/edit",
			"GET /alignment/pairs/new", "GET /alignment/pairs/{id}", "GET /gates/{id}/tracks/{track}/sign",
			"GET /gates/queue",
			// the provider's redirect back after a step-up re-authentication completes a
			// signature
			"GET /gates/signatures/reauthenticated");

	private static final Map<String, String> SAMPLES = Map.of("key", "CONTRACT-RISK", "track", "TECHNICAL", "code",
			"availability_pct", "deliveryId", "999999", "capability", "clause_extraction", "controlId", "999999");

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApiTokens tokens;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	private String apiToken;

	private long gateId;

	@BeforeEach
	void auditor() {
		long auditorId = this.people.findByUsername("auditor").orElseThrow().id();
		assertThat(this.people.get(auditorId).roles()).containsExactly(Role.AUDITOR);
		this.apiToken = this.tokens.create(auditorId, "auditor read-only test");
		this.gateId = this.jdbc.sql("select min(id) from gate").query(Long.class).single();
	}

	@Test
	void everyWriteAnswers403AndChangesNothing() throws Exception {
		long auditRowsBefore = auditRows();
		List<String> wrong = new ArrayList<>();
		int walked = 0;
		for (Endpoint endpoint : Endpoint.all(this.mapping)) {
			if (!endpoint.changesState() || OWN_ACCOUNT.contains(endpoint.key())
					|| endpoint.pattern().equals("/error")) {
				continue;
			}
			walked++;
			MockHttpServletResponse response = call(endpoint, fill(endpoint, "999999"));
			if (response.getStatus() != 403) {
				wrong.add(endpoint.key() + " answered " + response.getStatus());
			}
		}
		assertThat(walked).as("writes walked").isGreaterThan(30);
		assertThat(wrong).as("writes the auditor was not refused").isEmpty();
		assertThat(auditRows()).as("audit events written while the auditor tried").isEqualTo(auditRowsBefore);
	}

	@Test
	void everyReadAnswersExceptTheFormsThatOnlyWrite() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Endpoint endpoint : Endpoint.all(this.mapping)) {
			if (endpoint.changesState()) {
				continue;
			}
			MockHttpServletResponse response = call(endpoint, fill(endpoint, String.valueOf(this.gateId)));
			boolean refused = response.getStatus() == 401 || response.getStatus() == 403
					|| (response.getStatus() == 302 && String.valueOf(response.getRedirectedUrl()).contains("/login")
							&& !endpoint.pattern().equals("/login"));
			if (refused != WRITE_FORMS.contains(endpoint.key())) {
				wrong.add(endpoint.key() + " answered " + response.getStatus());
			}
		}
		assertThat(wrong).as("reads refused to the auditor, or write forms opened to it").isEmpty();
	}

	@Test
	void everyPageInTheAuditorsNavigationOpensWithoutAWriteButton() throws Exception {
		assertThat(status("/")).isEqualTo(302);
		String home = get("/prototypes");
		Set<String> links = new LinkedHashSet<>();
		Matcher matcher = Pattern
			.compile("href=\"(/(?:admin|prototypes|gates|metrics|kill-criteria|alignment|"
					+ "evidence|notifications|profile)[^\"?#]*)\"")
			.matcher(home);
		while (matcher.find()) {
			links.add(matcher.group(1));
		}
		assertThat(links).contains("/admin/audit", "/admin/users", "/admin/templates", "/alignment", "/prototypes",
				"/gates");
		for (String link : links) {
			assertThat(status(link)).as(link).isEqualTo(200);
		}
		assertThat(get("/admin/users")).contains("Ingrid Holm").doesNotContain("/admin/users/new");
		assertThat(get("/admin/audit")).contains("events match").contains("<details");
		assertThat(get("/gates/" + this.gateId + "/record")).contains("Audit");
	}

	@Test
	void theAuditorExportsAndVerifiesTheTrailThroughTheApi() throws Exception {
		MockHttpServletResponse export = this.mvc
			.perform(request(HttpMethod.GET, "/api/v1/audit/export?action=USER_CREATED").header("Authorization",
					"Bearer " + this.apiToken))
			.andReturn()
			.getResponse();
		assertThat(export.getStatus()).isEqualTo(200);
		assertThat(export.getContentAsString()).contains("\"manifest\"");
		MockHttpServletResponse verify = this.mvc
			.perform(request(HttpMethod.GET, "/api/v1/audit/verify").header("Authorization", "Bearer " + this.apiToken))
			.andReturn()
			.getResponse();
		assertThat(verify.getContentAsString()).contains("\"intact\":true");
	}

	private String get(String path) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(request(HttpMethod.GET, path).with(user(this.users.loadUserByUsername("auditor"))))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	private int status(String path) throws Exception {
		return this.mvc.perform(request(HttpMethod.GET, path).with(user(this.users.loadUserByUsername("auditor"))))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	private MockHttpServletResponse call(Endpoint endpoint, String path) throws Exception {
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(endpoint.method().name()), path);
		if (endpoint.changesState()) {
			request.with(csrf());
		}
		if (endpoint.isApi()) {
			request.header("Authorization", "Bearer " + this.apiToken);
		}
		else {
			request.with(user(this.users.loadUserByUsername("auditor")));
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private long auditRows() {
		return this.jdbc.sql("select count(*) from audit_event where actor = 'auditor'").query(Long.class).single();
	}

	private static String fill(Endpoint endpoint, String id) {
		Matcher matcher = VARIABLE.matcher(endpoint.pattern());
		StringBuilder path = new StringBuilder();
		while (matcher.find()) {
			String value = matcher.group(1).equals("id") ? id : SAMPLES.get(matcher.group(1));
			assertThat(value).as("a sample for {%s} in %s", matcher.group(1), endpoint.key()).isNotNull();
			matcher.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(path);
		return path.toString();
	}

}
