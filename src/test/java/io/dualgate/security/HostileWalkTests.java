package io.dualgate.security;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.dualgate.IntegrationTest;
import io.dualgate.people.ApiTokens;
import io.dualgate.people.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Issue 10's walk: every endpoint Spring MVC knows (read from the request mappings, so a
 * new one is walked too) is called the ways an attacker would: with no session, as a
 * stranger (a PM of other prototypes), without the CSRF token, with a body over the
 * limit, and with a huge number in every field it binds. None answers 5xx, no error
 * answer is larger than 64 KB, and none lets the stranger or the token-less form change
 * anything (no audit row, no success).
 */
@IntegrationTest
class HostileWalkTests {

	private static final int MAX_ERROR_BYTES = 64 * 1024;

	/** A 20-byte number whose plain form has a billion digits. */
	private static final String HUGE = "1e999999999";

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

	private static final String STRANGER = "labexplorer";

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

	private String strangerToken;

	private String ownerToken;

	private String adminToken;

	@BeforeEach
	void tokens() {
		this.strangerToken = this.tokens.create(id(STRANGER), "hostile walk");
		this.ownerToken = this.tokens.create(id("explorer"), "hostile walk");
		this.adminToken = this.tokens.create(id("admin"), "hostile walk");
	}

	@Test
	void withoutASessionEveryEndpointAsksToSignInAndNothingFails() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Endpoint endpoint : Endpoint.all(this.mapping)) {
			MockHttpServletRequestBuilder request = request(method(endpoint), fill(endpoint));
			if (endpoint.changesState()) {
				request.with(csrf());
			}
			MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
			check(endpoint, "no session", response, wrong);
			boolean open = AccessMatrixTests.MATRIX.getOrDefault(endpoint.key(), AccessMatrixTests.SIGNED_IN)
				.allowed()
				.contains(AccessMatrixTests.Actor.ANONYMOUS);
			boolean asked = endpoint.isApi() ? response.getStatus() == 401
					: response.getStatus() == 302 && String.valueOf(response.getRedirectedUrl()).endsWith("/login");
			if (!open && !asked) {
				wrong.add(endpoint.key() + " without a session answered " + response.getStatus());
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void aStrangerChangesNothingOnAPrototypeThatIsNotTheirs() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Endpoint endpoint : Endpoint.all(this.mapping)) {
			AccessMatrixTests.Rule rule = AccessMatrixTests.MATRIX.get(endpoint.key());
			if (!endpoint.changesState() || rule == null
					|| rule.allowed().contains(AccessMatrixTests.Actor.FOREIGN_PM)) {
				continue;
			}
			long auditBefore = auditRowsBy(STRANGER);
			MockHttpServletResponse response = this.mvc
				.perform(as(request(method(endpoint), fill(endpoint)).with(csrf()), endpoint, STRANGER,
						this.strangerToken))
				.andReturn()
				.getResponse();
			check(endpoint, "stranger", response, wrong);
			if (response.getStatus() != 403) {
				wrong.add(endpoint.key() + " as a stranger answered " + response.getStatus() + " (expected 403)");
			}
			if (auditRowsBy(STRANGER) != auditBefore) {
				wrong.add(endpoint.key() + " as a stranger changed something (a new audit row)");
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void aFormPostWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Endpoint endpoint : Endpoint.all(this.mapping)) {
			if (!endpoint.changesState() || endpoint.isApi()) {
				continue;
			}
			String actor = allowedActor(endpoint);
			long auditBefore = auditRowsBy(actor);
			MockHttpServletResponse response = this.mvc
				.perform(request(method(endpoint), fill(endpoint)).with(user(this.users.loadUserByUsername(actor))))
				.andReturn()
				.getResponse();
			check(endpoint, "no CSRF token", response, wrong);
			if (response.getStatus() != 403) {
				wrong.add(endpoint.key() + " without a CSRF token answered " + response.getStatus());
			}
			if (auditRowsBy(actor) != auditBefore) {
				wrong.add(endpoint.key() + " without a CSRF token changed something");
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void aBodyOverTheLimitIsRefusedWith413Everywhere() throws Exception {
		byte[] oversizedForm = ("x=" + "a".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII);
		byte[] oversizedBody = new byte[53 * 1024 * 1024];
		Arrays.fill(oversizedBody, (byte) ' ');
		List<String> wrong = new ArrayList<>();
		for (Endpoint endpoint : Endpoint.all(this.mapping)) {
			if (!endpoint.changesState()) {
				continue;
			}
			String actor = allowedActor(endpoint);
			MockHttpServletRequestBuilder request = request(method(endpoint), fill(endpoint)).with(csrf());
			if (endpoint.isApi()) {
				request.contentType("application/json").content(oversizedBody);
			}
			else {
				request.contentType("application/x-www-form-urlencoded").content(oversizedForm);
			}
			MockHttpServletResponse response = this.mvc.perform(as(request, endpoint, actor, tokenOf(actor)))
				.andReturn()
				.getResponse();
			check(endpoint, "oversized body", response, wrong);
			if (response.getStatus() != 413) {
				wrong.add(endpoint.key() + " with an oversized body answered " + response.getStatus());
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void aHugeNumberInEveryFieldIsRefusedBrieflyNeverWithA5xx() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Endpoint endpoint : Endpoint.all(this.mapping)) {
			if (!endpoint.changesState()) {
				continue;
			}
			String actor = allowedActor(endpoint);
			MockHttpServletRequestBuilder request = request(method(endpoint), fill(endpoint)).with(csrf());
			List<String> fields = boundFields(endpoint);
			if (endpoint.isApi()) {
				String object = fields.stream()
					.map((field) -> "\"" + field + "\":" + HUGE)
					.collect(Collectors.joining(",", "{", "}"));
				request.contentType("application/json")
					.content(jsonBodyIsArray(endpoint) ? "[" + object + "]" : object);
			}
			else {
				fields.forEach((field) -> request.param(field, HUGE));
			}
			MockHttpServletResponse response;
			try {
				response = this.mvc.perform(as(request, endpoint, actor, tokenOf(actor))).andReturn().getResponse();
			}
			catch (Exception ex) {
				// MockMvc rethrows what Tomcat would have turned into a 500.
				wrong.add(endpoint.key() + " (huge number) failed: " + ex);
				continue;
			}
			check(endpoint, "huge number", response, wrong);
		}
		assertThat(wrong).isEmpty();
	}

	/** Never a 5xx, and never a large answer to an error. */
	private static void check(Endpoint endpoint, String how, MockHttpServletResponse response, List<String> wrong) {
		if (response.getStatus() >= 500) {
			wrong.add(endpoint.key() + " (" + how + ") answered " + response.getStatus());
		}
		if (response.getStatus() >= 400 && response.getContentAsByteArray().length > MAX_ERROR_BYTES) {
			wrong.add(endpoint.key() + " (" + how + ") answered an error of " + response.getContentAsByteArray().length
					+ " bytes");
		}
	}

	/**
	 * The names a handler binds from the request: form fields, parameters, body fields.
	 */
	private static List<String> boundFields(Endpoint endpoint) {
		List<String> names = new ArrayList<>();
		for (MethodParameter parameter : endpoint.handler().getMethodParameters()) {
			RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
			if (requestParam != null) {
				String name = !requestParam.name().isEmpty() ? requestParam.name() : requestParam.value();
				names.add(!name.isEmpty() ? name : String.valueOf(parameter.getParameterName()));
			}
			boolean bound = parameter.hasParameterAnnotation(ModelAttribute.class)
					|| parameter.hasParameterAnnotation(RequestBody.class);
			Class<?> type = parameter.getParameterType();
			if (bound && type.isRecord()) {
				for (RecordComponent component : type.getRecordComponents()) {
					names.add(component.getName());
				}
			}
		}
		if (names.isEmpty() || jsonBodyIsArray(endpoint)) {
			names.addAll(List.of("value", "threshold", "prototype", "metric", "date"));
		}
		return names.stream().distinct().toList();
	}

	private static boolean jsonBodyIsArray(Endpoint endpoint) {
		return endpoint.key().equals("POST /api/v1/observations");
	}

	/** Someone the matrix lets call the endpoint: the sample's own PM, or an admin. */
	private static String allowedActor(Endpoint endpoint) {
		AccessMatrixTests.Rule rule = AccessMatrixTests.MATRIX.get(endpoint.key());
		if (rule == null || rule.allowed().contains(AccessMatrixTests.Actor.EXPLORER)) {
			return "explorer";
		}
		if (rule.allowed().contains(AccessMatrixTests.Actor.DELIVERER)) {
			return "deliverer";
		}
		return "admin";
	}

	private String tokenOf(String actor) {
		return switch (actor) {
			case "admin" -> this.adminToken;
			case STRANGER -> this.strangerToken;
			default -> this.ownerToken;
		};
	}

	private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, Endpoint endpoint, String username,
			String token) {
		if (endpoint.key().equals("POST /api/v1/tokens")) {
			return request
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.httpBasic(username, "dualgate-demo"));
		}
		if (endpoint.isApi()) {
			return request.header("Authorization", "Bearer " + ((token != null) ? token : this.ownerToken));
		}
		return request.with(user(this.users.loadUserByUsername(username)));
	}

	private static HttpMethod method(Endpoint endpoint) {
		return HttpMethod.valueOf(endpoint.method().name());
	}

	/** Path variables filled with the sample prototype's real objects. */
	private String fill(Endpoint endpoint) {
		Map<String, String> samples = new LinkedHashMap<>(AccessMatrixTests.SAMPLES);
		Matcher matcher = VARIABLE.matcher(endpoint.pattern());
		StringBuilder path = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			String value = name.equals("id") ? sampleId(endpoint) : samples.getOrDefault(name, "999999");
			matcher.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(path);
		return path.toString();
	}

	/** The sample prototype's open gate for gate paths; an id of nothing elsewhere. */
	private String sampleId(Endpoint endpoint) {
		if (endpoint.pattern().contains("/gates/")) {
			return this.jdbc
				.sql("select max(g.id) from gate g join prototype p on p.id = g.prototype_id where p.key = ?")
				.param(AccessMatrixTests.SAMPLES.get("key"))
				.query(String.class)
				.single();
		}
		return AccessMatrixTests.MISSING_ID;
	}

	private long auditRowsBy(String username) {
		return this.jdbc.sql("select count(*) from audit_event where actor = ?")
			.param(username)
			.query(Long.class)
			.single();
	}

	private long id(String username) {
		return this.people.findByUsername(username).orElseThrow().id();
	}

}
