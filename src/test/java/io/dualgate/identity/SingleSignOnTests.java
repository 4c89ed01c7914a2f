package io.dualgate.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.dualgate.IntegrationTest;
import io.dualgate.gate.GateFixtures;
import io.dualgate.gate.GateView;
import io.dualgate.gate.Track;
import jakarta.servlet.http.Cookie;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Single sign-on and step-up signing against an OpenID provider running in this JVM
 * (mock-oauth2-server on a free loopback port): sign-in with roles from the groups claim,
 * just-in-time accounts, linking by an admin's leave, no role, break-glass, provider
 * down, RP-initiated logout, and signatures that need a fresh re-authentication of the
 * same person at the provider.
 */
@IntegrationTest
@Import(GateFixtures.class)
class SingleSignOnTests {

	static final String ISSUER_ID = "dualgate-test";

	private static final HttpClient BROWSER = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(java.time.Duration.ofSeconds(10))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	/** While set, the provider answers every request with 503, as one that is down. */
	static final AtomicBoolean DOWN = new AtomicBoolean();

	static final MockOAuth2Server PROVIDER = start();

	static MockOAuth2Server start() {
		// captured, not read from the static field: the provider's thread must not wait
		// for this class's initialisation, which waits for the provider's first answer
		AtomicBoolean down = DOWN;
		Route outage = new Route() {

			@Override
			public boolean match(OAuth2HttpRequest request) {
				return down.get();
			}

			@Override
			public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
				return new OAuth2HttpResponse(Headers.of(), 503, "down", null);
			}

		};
		MockOAuth2Server server = new MockOAuth2Server(outage);
		server.start(InetAddress.getLoopbackAddress(), 0);
		try {
			// warm it up: its first answer is slow
			BROWSER.send(HttpRequest.newBuilder(server.wellKnownUrl(ISSUER_ID).uri()).build(),
					HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return server;
	}

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.client.provider.sso.issuer-uri",
				() -> PROVIDER.issuerUrl(ISSUER_ID).toString());
		registry.add("spring.security.oauth2.client.registration.sso.client-id", () -> "dualgate");
		registry.add("spring.security.oauth2.client.registration.sso.client-secret", () -> "dualgate-secret");
		registry.add("spring.security.oauth2.client.registration.sso.scope", () -> "openid,profile,email");
		registry.add("spring.security.oauth2.client.registration.sso.client-name", () -> "Test IdP");
		registry.add("dualgate.sso.role-mapping.dualgate-exploration", () -> "EXPLORATION_PM");
		registry.add("dualgate.sso.role-mapping.dualgate-delivery", () -> "DELIVERY_PM");
		registry.add("dualgate.sso.role-mapping.dualgate-auditors", () -> "AUDITOR");
		registry.add("dualgate.sso.local-login", () -> "false");
		registry.add("dualgate.sso.break-glass-username", () -> "admin");
		registry.add("dualgate.sso.availability-check", () -> "0s");
	}

	@AfterAll
	static void stop() {
		PROVIDER.shutdown();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GateFixtures fixtures;

	@Test
	void anExplorationGroupMemberSignsInGetsTheRoleAndSignsATechnicalTrackAfterStepUp() throws Exception {
		String username = "sso.explorer" + UUID.randomUUID().toString().substring(0, 6);
		String subject = "sub-" + UUID.randomUUID();
		Browser session = signIn(subject, username, List.of("dualgate-exploration", "unrelated"));
		assertThat(roles(username)).containsExactly("EXPLORATION_PM");
		assertThat(auditActions(username)).contains("USER_CREATED", "SSO_SIGN_IN");

		GateView gate = passingTechnicalTrackOwnedBy(username);
		MvcResult signed = stepUpSign(session, gate, subject, Instant.now());
		assertThat(signed.getResponse().getRedirectedUrl()).isEqualTo("/gates/" + gate.id());
		Map<String, Object> signature = this.jdbc
			.sql("select auth_method, auth_issuer, auth_time from gate_signature where gate_id = ? and valid")
			.param(gate.id())
			.query()
			.singleRow();
		assertThat(signature).containsEntry("auth_method", "OIDC")
			.containsEntry("auth_issuer", PROVIDER.issuerUrl(ISSUER_ID).toString());

		String record = session.perform(get("/gates/{id}/record", gate.id())).getResponse().getContentAsString();
		assertThat(record).contains("re-authenticated at " + PROVIDER.issuerUrl(ISSUER_ID) + " at ");
		assertThat(auditValues(gate.id(), "GATE_SIGNED")).contains("re-authenticated at");
	}

	@Test
	void aSignatureWhoseIdTokenWasAuthenticatedTenMinutesAgoIsRefusedAndNothingIsRecorded() throws Exception {
		String username = "sso.stale" + UUID.randomUUID().toString().substring(0, 6);
		String subject = "sub-" + UUID.randomUUID();
		Browser session = signIn(subject, username, List.of("dualgate-exploration"));
		GateView gate = passingTechnicalTrackOwnedBy(username);
		MvcResult refused = stepUpSign(session, gate, subject, Instant.now().minus(10, ChronoUnit.MINUTES));
		assertThat(refused.getResponse().getRedirectedUrl())
			.isEqualTo("/gates/" + gate.id() + "/tracks/TECHNICAL/sign");
		assertThat(String.valueOf(refused.getFlashMap().get("stepUpError")))
			.contains("longer ago than the 5 minutes a signature allows");
		assertThat(this.fixtures.validSignatures(gate.id(), Track.TECHNICAL)).isZero();
	}

	@Test
	void aReauthenticationOfAnotherPersonIsRefused() throws Exception {
		String username = "sso.other" + UUID.randomUUID().toString().substring(0, 6);
		Browser session = signIn("sub-" + UUID.randomUUID(), username, List.of("dualgate-exploration"));
		GateView gate = passingTechnicalTrackOwnedBy(username);
		MvcResult refused = stepUpSign(session, gate, "someone-else", Instant.now());
		assertThat(String.valueOf(refused.getFlashMap().get("stepUpError"))).contains("a different person");
		assertThat(this.fixtures.validSignatures(gate.id(), Track.TECHNICAL)).isZero();
	}

	@Test
	void aReplayedStateOrAnotherRequestsCodeIsRefused() throws Exception {
		String username = "sso.replay" + UUID.randomUUID().toString().substring(0, 6);
		String subject = "sub-" + UUID.randomUUID();
		Browser session = signIn(subject, username, List.of("dualgate-exploration"));
		GateView gate = passingTechnicalTrackOwnedBy(username);

		// Two re-authentications started; the code of the first is brought back with the
		// state of the second: its ID token carries the first one's nonce.
		UriComponents first = providerAnswer(startStepUp(session, gate), subject, Instant.now());
		// (the second code is never exchanged: no token is queued for it)
		UriComponents second = providerLogin(startStepUp(session, gate), subject);
		MvcResult crossed = callback(session, param(first, "code"), param(second, "state"));
		assertThat(String.valueOf(crossed.getFlashMap().get("stepUpError"))).contains("already used");
		assertThat(this.fixtures.validSignatures(gate.id(), Track.TECHNICAL)).isZero();

		// A state used once (even unsuccessfully) finds nothing the second time.
		MvcResult replayed = callback(session, param(second, "code"), param(second, "state"));
		assertThat(replayed.getFlashMap().get("error")).isEqualTo("signing.stepUp.replayed");
		assertThat(this.fixtures.validSignatures(gate.id(), Track.TECHNICAL)).isZero();
	}

	@Test
	void aPersonSignedInThroughTheProviderCannotSignWithAPassword() throws Exception {
		String username = "sso.pw" + UUID.randomUUID().toString().substring(0, 6);
		Browser session = signIn("sub-" + UUID.randomUUID(), username, List.of("dualgate-exploration"));
		GateView gate = passingTechnicalTrackOwnedBy(username);
		String page = session
			.perform(post("/gates/{id}/tracks/TECHNICAL/sign", gate.id()).with(csrf())
				.param("meaning", "APPROVE")
				.param("shownHash", gate.technical().contentHash())
				.param("version", String.valueOf(gate.version()))
				.param("password", "guess")
				.param("confirmed", "true"))
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("sign by re-authenticating at the provider");
		assertThat(this.fixtures.validSignatures(gate.id(), Track.TECHNICAL)).isZero();
	}

	@Test
	void aClaimThatMapsToNoRoleSignsInWithoutOneToAPageThatSaysSo() throws Exception {
		String username = "sso.norole" + UUID.randomUUID().toString().substring(0, 6);
		Browser session = new Browser();
		String landing = completeSignIn(session, "sub-" + UUID.randomUUID(), username, List.of("somewhere-else"));
		assertThat(landing).isEqualTo("/access/none");
		assertThat(session.perform(get("/access/none")).getResponse().getContentAsString())
			.contains("map to no role in DualGate");
		assertThat(session.perform(get("/prototypes")).getResponse().getStatus()).isEqualTo(403);
		assertThat(roles(username)).isEmpty();
		assertThat(auditActions(username)).contains("SSO_NO_ROLE");
	}

	@Test
	void anExistingUsernameIsLinkedOnlyOnceAnAdminAllowsIt() throws Exception {
		String username = this.fixtures.person("linked", io.dualgate.people.Role.DELIVERY_PM);
		long id = this.fixtures.userId(username);
		String subject = "sub-" + UUID.randomUUID();
		assertThat(completeSignIn(new Browser(), subject, username, List.of("dualgate-delivery")))
			.isEqualTo("/login?sso-error=link-not-allowed");
		assertThat(auditActions(username)).contains("SSO_SIGN_IN_REFUSED");

		long version = this.jdbc.sql("select version from app_user where id = ?").param(id).query(Long.class).single();
		this.mvc
			.perform(post("/admin/users/{id}/edit", id).with(csrf())
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(this.fixtures.login("admin")))
				.param("username", username)
				.param("fullName", "Test " + username)
				.param("email", username + "@test.example")
				.param("reportingLine", "CPO")
				.param("roles", "DELIVERY_PM")
				.param("version", String.valueOf(version))
				.param("ssoLinkAllowed", "true"))
			.andReturn();
		assertThat(completeSignIn(new Browser(), subject, username, List.of("dualgate-delivery"))).isEqualTo("/");
		assertThat(
				this.jdbc.sql("select sso_subject from app_user where id = ?").param(id).query(String.class).single())
			.isEqualTo(subject);
		assertThat(auditActions(username)).contains("USER_SSO_LINKED");
	}

	@Test
	void withLocalLoginOffOnlyTheBreakGlassAdminSignsInWithAPasswordAndEveryUseIsAudited() throws Exception {
		long before = count("BREAK_GLASS_SIGN_IN");
		assertThat(formLogin("explorer")).isEqualTo("/login?error");
		assertThat(formLogin("admin")).isEqualTo("/");
		assertThat(count("BREAK_GLASS_SIGN_IN")).isEqualTo(before + 1);
	}

	@Test
	void whenTheProviderDoesNotAnswerTheLoginPageSaysSoAndBreakGlassStillWorks() throws Exception {
		assertThat(this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString())
			.contains("Sign in with Test IdP");
		DOWN.set(true);
		try {
			assertThat(this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString())
				.contains("Single sign-on (Test IdP) is unavailable right now")
				.doesNotContain("Sign in with Test IdP");
			assertThat(new Browser().perform(get("/oauth2/authorization/sso")).getResponse().getRedirectedUrl())
				.isEqualTo("/login?sso-error=unavailable");
			assertThat(formLogin("admin")).isEqualTo("/");
		}
		finally {
			DOWN.set(false);
		}
		assertThat(this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString())
			.contains("Sign in with Test IdP");
	}

	@Test
	void signingOutEndsTheProvidersSessionToo() throws Exception {
		Browser session = signIn("sub-" + UUID.randomUUID(), "sso.out" + UUID.randomUUID().toString().substring(0, 6),
				List.of("dualgate-delivery"));
		String location = session.perform(post("/logout").with(csrf())).getResponse().getRedirectedUrl();
		UriComponents endSession = UriComponentsBuilder.fromUriString(location).build();
		assertThat(location).startsWith(PROVIDER.endSessionEndpointUrl(ISSUER_ID).toString());
		assertThat(endSession.getQueryParams()).containsKeys("id_token_hint", "post_logout_redirect_uri");
		assertThat(session.perform(get("/prototypes")).getResponse().getRedirectedUrl()).endsWith("/login");
	}

	// --- the browser's part, played by MockMvc (DualGate) and an HTTP client (the
	// provider)

	private Browser signIn(String subject, String username, List<String> groups) throws Exception {
		Browser session = new Browser();
		assertThat(completeSignIn(session, subject, username, groups)).isEqualTo("/");
		return session;
	}

	/**
	 * Goes through the authorization code flow; returns where DualGate sends the person.
	 */
	private String completeSignIn(Browser session, String subject, String username, List<String> groups)
			throws Exception {
		String authorize = session.perform(get("/oauth2/authorization/sso")).getResponse().getRedirectedUrl();
		assertThat(authorize).startsWith(PROVIDER.authorizationEndpointUrl(ISSUER_ID).toString());
		PROVIDER
			.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of("dualgate"),
					Map.of("preferred_username", username, "name", "SSO " + username, "email",
							username + "@idp.example", "groups", groups, "auth_time", Instant.now().getEpochSecond()),
					3600));
		UriComponents back = follow(authorize);
		return session.perform(get(back.toUri())).getResponse().getRedirectedUrl();
	}

	private String startStepUp(Browser session, GateView gate) throws Exception {
		String authorize = session
			.perform(post("/gates/{id}/tracks/TECHNICAL/sign/step-up", gate.id()).with(csrf())
				.param("meaning", "APPROVE")
				.param("shownHash", gate.technical().contentHash())
				.param("version", String.valueOf(gate.version()))
				.param("confirmed", "true"))
			.getResponse()
			.getRedirectedUrl();
		UriComponents request = UriComponentsBuilder.fromUriString(authorize).build();
		assertThat(request.getQueryParams().getFirst("prompt")).isEqualTo("login");
		assertThat(request.getQueryParams().getFirst("max_age")).isEqualTo("0");
		assertThat(request.getQueryParams().getFirst("nonce")).isNotBlank();
		return authorize;
	}

	private UriComponents providerAnswer(String authorize, String subject, Instant authTime) throws Exception {
		PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of("dualgate"),
				Map.of("auth_time", authTime.getEpochSecond()), 3600));
		return providerLogin(authorize, subject);
	}

	private UriComponents providerLogin(String authorize, String subject) throws Exception {
		// prompt=login: the provider asks for the credentials again (its login form)
		HttpResponse<String> form = BROWSER.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("<form");
		HttpResponse<Void> answer = BROWSER.send(HttpRequest.newBuilder(URI.create(authorize))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("username=" + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "&claims=%7B%7D"))
			.build(), HttpResponse.BodyHandlers.discarding());
		return location(answer);
	}

	private MvcResult stepUpSign(Browser session, GateView gate, String subject, Instant authTime) throws Exception {
		UriComponents back = providerAnswer(startStepUp(session, gate), subject, authTime);
		return callback(session, param(back, "code"), param(back, "state"));
	}

	private MvcResult callback(Browser session, String code, String state) throws Exception {
		return session.perform(get("/gates/signatures/reauthenticated").param("code", code).param("state", state));
	}

	/**
	 * A browser's session with DualGate: the SESSION cookie, carried from answer to
	 * request.
	 */
	final class Browser {

		private Cookie session;

		MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
			if (this.session != null) {
				request.cookie(this.session);
			}
			MvcResult result = SingleSignOnTests.this.mvc.perform(request).andReturn();
			Cookie renewed = result.getResponse().getCookie("SESSION");
			if (renewed != null) {
				this.session = (renewed.getMaxAge() == 0) ? null : renewed;
			}
			return result;
		}

	}

	private static String param(UriComponents uri, String name) {
		return URLDecoder.decode(uri.getQueryParams().getFirst(name), StandardCharsets.UTF_8);
	}

	/** The provider's authorize endpoint answers with a redirect back to DualGate. */
	private static UriComponents follow(String authorize) throws IOException, InterruptedException {
		return location(BROWSER.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(),
				HttpResponse.BodyHandlers.discarding()));
	}

	private static UriComponents location(HttpResponse<Void> answer) {
		assertThat(answer.statusCode()).isEqualTo(302);
		// the Location is already encoded: read as such, its state is not encoded twice
		return UriComponentsBuilder.fromUriString(answer.headers().firstValue("Location").orElseThrow()).build(true);
	}

	private String formLogin(String username) throws Exception {
		return this.mvc
			.perform(post("/login").with(csrf()).param("username", username).param("password", GateFixtures.PASSWORD))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private GateView passingTechnicalTrackOwnedBy(String username) {
		String key = this.fixtures.prototype(username, "deliverer");
		GateView gate = this.fixtures.open(key, username);
		return this.fixtures.answerPassing(gate.id(), Track.TECHNICAL, username);
	}

	private List<String> roles(String username) {
		return this.jdbc
			.sql("select r.role from user_role r join app_user u on u.id = r.user_id where u.username = ? order by 1")
			.param(username)
			.query(String.class)
			.list();
	}

	private List<String> auditActions(String username) {
		return this.jdbc.sql("select action from audit_event where actor = ? order by seq")
			.param(username)
			.query(String.class)
			.list();
	}

	private String auditValues(long gateId, String action) {
		return this.jdbc
			.sql("select new_value from audit_event where entity_type = 'gate' and entity_id = ? and action = ?")
			.params(String.valueOf(gateId), action)
			.query(String.class)
			.single();
	}

	private long count(String action) {
		return this.jdbc.sql("select count(*) from audit_event where action = ?")
			.param(action)
			.query(Long.class)
			.single();
	}

}
