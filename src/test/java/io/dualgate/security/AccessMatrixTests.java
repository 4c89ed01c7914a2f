package io.dualgate.security;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dualgate.IntegrationTest;
import io.dualgate.people.ApiTokens;
import io.dualgate.people.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * TRUST 19 and 20: who may call what. Every endpoint Spring MVC knows is called as
 * anonymous, as each role, and as a "foreign" PM (a PM of another prototype, for
 * object-level checks), and the answer must match the rule written here. An endpoint
 * nobody classified fails the test: whoever adds a controller adds its line to
 * {@link #MATRIX} (and, for a new path variable, a sample to {@link #SAMPLES}).
 */
@IntegrationTest
class AccessMatrixTests {

	/**
	 * Who calls. The foreign PM is an Exploration PM, but not of the sample prototype.
	 */
	enum Actor {

		ANONYMOUS(null), EXPLORER("explorer"), DELIVERER("deliverer"), EXECUTIVE("executive"), ADMIN("admin"),
		FOREIGN_PM("labexplorer"), AUDITOR("auditor");

		final String username;

		Actor(String username) {
			this.username = username;
		}

	}

	/**
	 * Who may: nobody needs to sign in ({@code PUBLIC}), anyone signed in
	 * ({@code SIGNED_IN}), some roles, or only the prototype's own PMs and admins
	 * ({@code OWN_PROTOTYPE}).
	 */
	record Rule(Set<Actor> allowed) {

		static Rule of(Actor... actors) {
			return new Rule(Set.of(actors));
		}

	}

	static final Rule PUBLIC = Rule.of(Actor.values());

	static final Rule SIGNED_IN = Rule.of(Actor.EXPLORER, Actor.DELIVERER, Actor.EXECUTIVE, Actor.ADMIN,
			Actor.FOREIGN_PM, Actor.AUDITOR);

	/** Anyone signed in but the auditor, who reads and never writes. */
	static final Rule WRITERS = Rule.of(Actor.EXPLORER, Actor.DELIVERER, Actor.EXECUTIVE, Actor.ADMIN,
			Actor.FOREIGN_PM);

	/** Administration pages the auditor reads too. */
	static final Rule ADMIN_OR_AUDITOR = Rule.of(Actor.ADMIN, Actor.AUDITOR);

	static final Rule PMS_AND_ADMIN = Rule.of(Actor.EXPLORER, Actor.DELIVERER, Actor.ADMIN, Actor.FOREIGN_PM);

	/**
	 * The sample prototype's own PMs (explorer, deliverer) and admins; not the foreign
	 * PM.
	 */
	static final Rule OWN_PROTOTYPE = Rule.of(Actor.EXPLORER, Actor.DELIVERER, Actor.ADMIN);

	static final Rule ADMIN_ONLY = Rule.of(Actor.ADMIN);

	/** Anyone holding a PM role; which track they may touch is checked per gate. */
	static final Rule PMS = Rule.of(Actor.EXPLORER, Actor.DELIVERER, Actor.FOREIGN_PM);

	/**
	 * A gate's track belongs to the prototype's assigned PM for it: the sample gate's
	 * technical track is explorer's, not the other PMs'.
	 */
	static final Rule OWN_TRACK = Rule.of(Actor.EXPLORER);

	/**
	 * Step-up signing is for people signed in through single sign-on; every account here
	 * signed in with a password (and single sign-on is off in this context).
	 */
	static final Rule SINGLE_SIGN_ON_ONLY = Rule.of();

	/** POCs belong to the prototype's Delivery PM (and admins). */
	static final Rule OWN_DELIVERY = Rule.of(Actor.DELIVERER, Actor.ADMIN);

	static final Rule AUDIT_READERS = Rule.of(Actor.ADMIN, Actor.EXECUTIVE, Actor.AUDITOR);

	/**
	 * A prototype's learning loop is read by its own PMs, executives (and auditors) and
	 * admins; a PM of another prototype is refused.
	 */
	static final Rule PROTOTYPE_READERS = Rule.of(Actor.EXPLORER, Actor.DELIVERER, Actor.EXECUTIVE, Actor.ADMIN,
			Actor.AUDITOR);

	static final Map<String, Rule> MATRIX = Map.ofEntries(
			// web shell and people
			entry("GET /", SIGNED_IN), entry("GET /login", PUBLIC), entry("GET /error", PUBLIC),
			entry("POST /error", PUBLIC), entry("GET /profile", SIGNED_IN), entry("POST /profile/password", SIGNED_IN),
			entry("POST /profile/tokens", SIGNED_IN), entry("POST /profile/tokens/{id}/revoke", SIGNED_IN),
			entry("GET /admin/users", ADMIN_OR_AUDITOR), entry("GET /admin/users/new", ADMIN_ONLY),
			entry("POST /admin/users/new", ADMIN_ONLY), entry("GET /admin/users/{id}/edit", ADMIN_ONLY),
			entry("POST /admin/users/{id}/edit", ADMIN_ONLY), entry("POST /admin/users/{id}/deactivate", ADMIN_ONLY),
			entry("POST /admin/users/{id}/activate", ADMIN_ONLY),
			// portfolio
			entry("GET /prototypes", SIGNED_IN), entry("GET /prototypes/{key}", SIGNED_IN),
			entry("GET /prototypes/new", PMS_AND_ADMIN), entry("POST /prototypes/new", PMS_AND_ADMIN),
			entry("GET /prototypes/{key}/edit", OWN_PROTOTYPE), entry("POST /prototypes/{key}/edit", OWN_PROTOTYPE),
			entry("POST /prototypes/{key}/kill", OWN_PROTOTYPE),
			// audit
			entry("GET /admin/audit", ADMIN_OR_AUDITOR), entry("GET /admin/audit/verify", ADMIN_OR_AUDITOR),
			entry("GET /admin/audit/export", ADMIN_OR_AUDITOR), entry("GET /api/v1/audit/export", ADMIN_OR_AUDITOR),
			// API
			entry("POST /api/v1/tokens", SIGNED_IN), entry("GET /api/v1/prototypes", SIGNED_IN),
			entry("GET /api/v1/prototypes/{key}", SIGNED_IN), entry("GET /api/v1/audit/verify", AUDIT_READERS),
			// gates: PMs open, answer and sign (their track's role, checked per track);
			// everyone reads
			entry("GET /gates", SIGNED_IN), entry("GET /gates/queue", PMS), entry("POST /gates", PMS),
			entry("GET /gates/{id}", SIGNED_IN), entry("GET /gates/{id}/record", SIGNED_IN),
			entry("GET /gates/{id}/record.pdf", SIGNED_IN), entry("POST /gates/{id}/tracks/{track}/items/{code}", PMS),
			entry("POST /gates/{id}/tracks/{track}/sign/step-up", SINGLE_SIGN_ON_ONLY),
			entry("GET /gates/signatures/reauthenticated", SINGLE_SIGN_ON_ONLY), entry("GET /access/none", SIGNED_IN),
			entry("GET /gates/{id}/tracks/{track}/sign", OWN_TRACK), entry("POST /gates/{id}/tracks/{track}/sign", PMS),
			entry("GET /api/v1/gates", SIGNED_IN), entry("GET /api/v1/gates/{id}", SIGNED_IN),
			entry("PUT /api/v1/gates/{id}/tracks/{track}/items/{code}", PMS),
			entry("GET /admin/templates", ADMIN_OR_AUDITOR), entry("GET /admin/templates/{id}", ADMIN_OR_AUDITOR),
			entry("POST /admin/templates/{id}", ADMIN_ONLY),
			// evidence: the prototype's own PMs and admins record; everyone reads
			entry("GET /metrics", SIGNED_IN), entry("POST /metrics", ADMIN_ONLY),
			entry("POST /prototypes/{key}/observations", OWN_PROTOTYPE),
			entry("GET /observations/upload", PMS_AND_ADMIN), entry("POST /observations/upload", PMS_AND_ADMIN),
			entry("POST /api/v1/observations", PMS_AND_ADMIN),
			entry("GET /api/v1/prototypes/{key}/observations", SIGNED_IN),
			// ux: a prototype's observations for people in the browser (CSV, JSON)
			entry("GET /prototypes/{key}/observations.csv", SIGNED_IN),
			entry("GET /prototypes/{key}/observations.json", SIGNED_IN),
			entry("POST /prototypes/{key}/kill-criteria", OWN_PROTOTYPE), entry("GET /kill-criteria", SIGNED_IN),
			entry("POST /kill-criteria/evaluate", ADMIN_ONLY), entry("GET /prototypes/{key}/pocs/new", OWN_DELIVERY),
			entry("POST /prototypes/{key}/pocs/new", OWN_DELIVERY),
			entry("GET /prototypes/{key}/pocs/{id}/edit", OWN_DELIVERY),
			entry("POST /prototypes/{key}/pocs/{id}/edit", OWN_DELIVERY),
			entry("GET /prototypes/{key}/maturity/new", OWN_PROTOTYPE),
			entry("POST /prototypes/{key}/maturity/new", OWN_PROTOTYPE),
			// alignment dashboard: everyone signed in reads; admins configure the pairs
			entry("GET /alignment", SIGNED_IN), entry("GET /alignment/pairs/{id}/points.csv", SIGNED_IN),
			entry("GET /api/v1/alignment", SIGNED_IN), entry("GET /api/v1/alignment/pairs/{id}/points", SIGNED_IN),
			entry("GET /alignment/pairs", ADMIN_OR_AUDITOR), entry("GET /alignment/pairs/new", ADMIN_ONLY),
			entry("GET /alignment/pairs/{id}", ADMIN_ONLY), entry("POST /alignment/pairs", ADMIN_ONLY),
			entry("POST /alignment/pairs/{id}", ADMIN_ONLY),
			// notifications: one's own inbox and preferences; admins see delivery
			entry("GET /notifications", SIGNED_IN), entry("POST /notifications/{id}/read", SIGNED_IN),
			entry("POST /notifications/read-all", SIGNED_IN), entry("POST /profile/notifications", SIGNED_IN),
			entry("GET /api/v1/notifications", SIGNED_IN), entry("POST /api/v1/notifications/{id}/read", SIGNED_IN),
			entry("GET /admin/notifications", ADMIN_OR_AUDITOR),
			// delegations: one's own on the profile and the API; admins set any
			entry("POST /profile/language", SIGNED_IN), entry("POST /profile/delegations", WRITERS),
			entry("POST /profile/delegations/{id}/revoke", WRITERS), entry("GET /admin/delegations", ADMIN_OR_AUDITOR),
			entry("POST /admin/delegations", ADMIN_ONLY), entry("POST /admin/delegations/{id}/revoke", ADMIN_ONLY),
			entry("GET /api/v1/delegations", SIGNED_IN), entry("POST /api/v1/delegations", PMS_AND_ADMIN),
			entry("POST /api/v1/delegations/{id}/revoke", PMS_AND_ADMIN),
			// evidence expiring across the portfolio: everyone reads
			entry("GET /evidence/expiring", SIGNED_IN),
			// webhooks: admins only
			entry("GET /admin/webhooks", ADMIN_OR_AUDITOR), entry("POST /admin/webhooks", ADMIN_ONLY),
			entry("GET /admin/webhooks/{id}", ADMIN_OR_AUDITOR),
			entry("POST /admin/webhooks/{id}/deliveries/{deliveryId}/resend", ADMIN_ONLY),
			entry("POST /admin/webhooks/{id}/enable", ADMIN_ONLY), entry("POST /api/v1/webhooks", ADMIN_ONLY),
			entry("GET /api/v1/webhooks", ADMIN_OR_AUDITOR),
			entry("GET /api/v1/webhooks/{id}/deliveries", ADMIN_OR_AUDITOR),
			// learning loop: the prototype's PMs (and delegates) and admins write;
			// executives
			// read
			entry("GET /okrs", SIGNED_IN), entry("GET /prototypes/{key}/okrs", PROTOTYPE_READERS),
			entry("POST /prototypes/{key}/okrs", OWN_PROTOTYPE),
			entry("POST /prototypes/{key}/okrs/{id}/check-ins", OWN_PROTOTYPE),
			entry("GET /api/v1/prototypes/{key}/okrs", PROTOTYPE_READERS),
			entry("POST /api/v1/prototypes/{key}/okrs", OWN_PROTOTYPE),
			entry("POST /api/v1/prototypes/{key}/okrs/{id}/check-ins", OWN_PROTOTYPE),
			entry("GET /prototypes/{key}/autonomy", PROTOTYPE_READERS),
			entry("POST /prototypes/{key}/capabilities", OWN_PROTOTYPE),
			entry("GET /prototypes/{key}/capabilities/{capability}", PROTOTYPE_READERS),
			entry("POST /api/v1/prototypes/{key}/capabilities", OWN_PROTOTYPE),
			entry("POST /api/v1/prototypes/{key}/feedback", OWN_PROTOTYPE),
			entry("GET /api/v1/prototypes/{key}/autonomy", PROTOTYPE_READERS),
			entry("POST /api/v1/prototypes/{key}/capabilities/{capability}/lower", OWN_PROTOTYPE),
			entry("PUT /api/v1/prototypes/{key}/capabilities/{capability}/policy", OWN_PROTOTYPE),
			entry("POST /prototypes/{key}/capabilities/{capability}/autonomy-gates", OWN_PROTOTYPE),
			entry("POST /prototypes/{key}/capabilities/{capability}/lower", OWN_PROTOTYPE),
			entry("POST /prototypes/{key}/capabilities/{capability}/policy", OWN_PROTOTYPE),
			entry("POST /api/v1/prototypes/{key}/evals", OWN_PROTOTYPE),
			entry("GET /api/v1/prototypes/{key}/evals", PROTOTYPE_READERS),
			entry("GET /api/v1/prototypes/{key}/gate-status", PROTOTYPE_READERS),
			entry("GET /prototypes/{key}/release", PROTOTYPE_READERS),
			entry("GET /api/v1/prototypes/{key}/value-maps", PROTOTYPE_READERS),
			entry("POST /api/v1/prototypes/{key}/value-maps", OWN_PROTOTYPE),
			entry("GET /prototypes/{key}/value-map", PROTOTYPE_READERS),
			entry("POST /prototypes/{key}/value-maps", OWN_PROTOTYPE),
			// frameworks: templates as files, the catalogue, the library, coverage
			entry("GET /admin/templates/{id}/export.json", ADMIN_OR_AUDITOR),
			entry("POST /admin/templates/import", ADMIN_ONLY), entry("GET /api/v1/templates", ADMIN_OR_AUDITOR),
			entry("GET /api/v1/templates/{id}", ADMIN_OR_AUDITOR), entry("POST /api/v1/templates", ADMIN_ONLY),
			entry("GET /frameworks", SIGNED_IN), entry("GET /frameworks/crosswalk", SIGNED_IN),
			entry("GET /admin/frameworks", ADMIN_OR_AUDITOR), entry("POST /admin/frameworks", ADMIN_ONLY),
			entry("POST /admin/frameworks/library/{key}/adopt", ADMIN_ONLY), entry("GET /api/v1/frameworks", SIGNED_IN),
			entry("GET /api/v1/frameworks/{key}/controls", SIGNED_IN),
			entry("PUT /api/v1/frameworks/applicable", ADMIN_ONLY), entry("GET /prototypes/{key}/coverage", SIGNED_IN),
			entry("GET /prototypes/{key}/coverage.csv", SIGNED_IN),
			entry("GET /prototypes/{key}/coverage.pdf", SIGNED_IN),
			entry("POST /prototypes/{key}/coverage/applicability", OWN_PROTOTYPE),
			entry("GET /api/v1/prototypes/{key}/coverage", SIGNED_IN),
			entry("PUT /api/v1/prototypes/{key}/applicability/{controlId}", OWN_PROTOTYPE));

	/**
	 * Values for path variables. Reads get real objects; writes get an id that does not
	 * exist (an allowed caller then gets 404, a refused one 403), so the matrix changes
	 * nothing.
	 */
	static final Map<String, String> SAMPLES = Map.of("key", "CONTRACT-RISK", "track", "TECHNICAL", "code",
			"availability_pct", "deliveryId", "999999", "capability", "clause_extraction", "controlId", "999999");

	static final String MISSING_ID = "999999";

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

	private final Map<Actor, String> apiTokens = new EnumMap<>(Actor.class);

	private String sampleUserId;

	@BeforeEach
	void tokens() {
		for (Actor actor : Actor.values()) {
			if (actor.username != null) {
				long id = this.people.findByUsername(actor.username).orElseThrow().id();
				this.apiTokens.put(actor, this.tokens.create(id, "access matrix"));
			}
		}
		this.sampleUserId = String.valueOf(this.people.findByUsername("labexplorer").orElseThrow().id());
	}

	@Test
	void everyEndpointIsClassified() {
		List<String> unclassified = Endpoint.all(this.mapping)
			.stream()
			.map(Endpoint::key)
			.filter((key) -> !MATRIX.containsKey(key))
			.toList();
		assertThat(unclassified).as("endpoints missing from AccessMatrixTests.MATRIX (add who may call them)")
			.isEmpty();
	}

	@Test
	void everyEndpointAnswersEachCallerAsTheMatrixSays() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Endpoint endpoint : Endpoint.all(this.mapping)) {
			Rule rule = MATRIX.get(endpoint.key());
			if (rule == null) {
				continue; // reported by everyEndpointIsClassified
			}
			String path = fill(endpoint);
			for (Actor actor : Actor.values()) {
				MockHttpServletResponse response = call(endpoint, path, actor);
				boolean allowed = rule.allowed().contains(actor);
				String verdict = verdict(endpoint, actor, allowed, response);
				if (verdict != null) {
					wrong.add(endpoint.key() + " as " + actor + ": " + verdict);
				}
			}
		}
		assertThat(wrong).as("answers that break the access matrix").isEmpty();
	}

	@Test
	void aPmOfAnotherPrototypeCannotEditThisOneByChangingTheKey() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(request(HttpMethod.POST, "/prototypes/CONTRACT-RISK/edit").with(csrf())
				.with(user(this.users.loadUserByUsername("labexplorer")))
				.param("key", "CONTRACT-RISK")
				.param("name", "Taken over")
				.param("problemStatement", "x")
				.param("vertical", "x")
				.param("explorationPmId", this.sampleUserId)
				.param("deliveryPmId", this.sampleUserId))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(403);
		String page = this.mvc
			.perform(request(HttpMethod.GET, "/prototypes/CONTRACT-RISK")
				.with(user(this.users.loadUserByUsername("explorer"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Contract Risk Review").doesNotContain("Taken over");
	}

	private String verdict(Endpoint endpoint, Actor actor, boolean allowed, MockHttpServletResponse response) {
		int status = response.getStatus();
		String location = response.getRedirectedUrl();
		boolean toLogin = status == 302 && location != null && location.contains("/login");
		if (allowed) {
			boolean refused = status == 401 || status == 403 || (toLogin && !endpoint.pattern().equals("/login"));
			return refused ? "expected access, got " + status + " " + location : null;
		}
		if (actor == Actor.ANONYMOUS) {
			boolean asked = endpoint.isApi() ? status == 401 : toLogin;
			return asked ? null : "expected to be asked to sign in, got " + status + " " + location;
		}
		return (status == 403) ? null : "expected 403, got " + status + " " + location;
	}

	private MockHttpServletResponse call(Endpoint endpoint, String path, Actor actor) throws Exception {
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(endpoint.method().name()), path);
		if (endpoint.changesState()) {
			request.with(csrf());
		}
		if (actor.username != null) {
			if (endpoint.key().equals("POST /api/v1/tokens")) {
				request.with(httpBasic(actor.username, "dualgate-demo"));
			}
			else if (endpoint.isApi()) {
				request.header("Authorization", "Bearer " + this.apiTokens.get(actor));
			}
			else {
				request.with(user(this.users.loadUserByUsername(actor.username)));
			}
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private String fill(Endpoint endpoint) {
		Matcher matcher = VARIABLE.matcher(endpoint.pattern());
		StringBuilder path = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			String value;
			if (name.equals("id")) {
				value = endpoint.changesState() ? MISSING_ID : this.sampleUserId;
			}
			else {
				value = SAMPLES.get(name);
			}
			assertThat(value)
				.as("a sample value for {%s} in %s (add it to AccessMatrixTests.SAMPLES)", name, endpoint.key())
				.isNotNull();
			matcher.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(path);
		return path.toString();
	}

}
