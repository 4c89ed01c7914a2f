package io.dualgate.integration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.dualgate.WebSliceTest;
import io.dualgate.people.ApiTokens;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.people.Role;
import io.dualgate.shared.InvalidFieldException;
import io.dualgate.web.Html;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.dualgate.people.SignedIn.as;
import static io.dualgate.people.SignedIn.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Webhook administration on the page and in the API, without a database: admins only, the
 * signing secret handed over once, a refused registration explained next to its field or
 * as problem details naming the field. What is refused (private targets, unknown events)
 * is {@link Webhooks}' rule, proven with real receivers by {@code WebhookDeliveryTests}.
 */
@WebSliceTest
class WebhookControllerTests {

	static final AuthenticatedUser ADMIN = person(1, "admin", Role.ADMIN);

	static final AuthenticatedUser EXPLORER = person(2, "explorer", Role.EXPLORATION_PM);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Webhooks webhooks;

	@Autowired
	ApiTokens tokens;

	@BeforeEach
	void tokens() {
		given(this.tokens.authenticate("admin-token")).willReturn(Optional.of(ADMIN));
		given(this.tokens.authenticate("explorer-token")).willReturn(Optional.of(EXPLORER));
		given(this.webhooks.endpoints()).willReturn(List.of());
	}

	@Test
	void aRegisteredEndpointShowsItsSecretOnce() {
		given(this.webhooks.register(any(), eq(ADMIN.id()))).willReturn(new Webhooks.Registered(9,
				"https://hooks.example/in", List.of("gate.approved"), "standard", "whsec_secret"));
		assertThat(this.mvc.post()
			.uri("/admin/webhooks")
			.with(as(ADMIN))
			.with(csrf())
			.param("url", "https://hooks.example/in")
			.param("events", "gate.approved")
			.param("format", "standard")).hasRedirectedUrl("/admin/webhooks/9")
			.flash()
			.containsEntry("newSecret", "whsec_secret")
			.containsEntry("success", "flash.webhook.registered");
	}

	@Test
	void aRefusedRegistrationIsExplainedNextToTheField() {
		given(this.webhooks.register(any(), eq(ADMIN.id())))
			.willThrow(new InvalidFieldException("url", "webhook.url.private"));
		MvcTestResult result = this.mvc.post()
			.uri("/admin/webhooks")
			.with(as(ADMIN))
			.with(csrf())
			.param("url", "http://127.0.0.1/hook")
			.param("events", "gate.approved")
			.param("format", "standard")
			.exchange();
		assertThat(result).hasStatusOk().hasViewName("integration/webhooks");
		assertThat(Html.fieldError(Html.of(result), "url"))
			.isEqualTo("That URL resolves to a loopback, link-local or private address, which webhooks may not reach.");
		assertThat(Html.of(result)).contains("value=\"http://127.0.0.1/hook\"");
	}

	@Test
	void onlyAdminsManageWebhooks() {
		assertThat(this.mvc.get().uri("/admin/webhooks").with(as(EXPLORER))).hasStatus(403);
		assertThat(this.mvc.post().uri("/admin/webhooks/9/enable").with(as(EXPLORER)).with(csrf())).hasStatus(403);
		assertThat(apiRegister("{\"url\": \"https://hooks.example/in\", \"events\": [\"gate.approved\"]}",
				"explorer-token"))
			.hasStatus(403)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		then(this.webhooks).should(never()).register(any(), anyLong());
		then(this.webhooks).should(never()).enable(anyLong());
	}

	@Test
	void theApiAnswers201WithTheSecretAndRefusalsAs422NamingTheField() {
		given(this.webhooks.register(
				eq(new Webhooks.Registration("https://hooks.example/in", List.of("gate.approved"), null)),
				eq(ADMIN.id())))
			.willReturn(new Webhooks.Registered(9, "https://hooks.example/in", List.of("gate.approved"), "standard",
					"whsec_secret"));
		MvcTestResult created = apiRegister("{\"url\": \"https://hooks.example/in\", \"events\": [\"gate.approved\"]}",
				"admin-token");
		assertThat(created).hasStatus(201);
		assertThat(created).bodyJson().extractingPath("$.secret").isEqualTo("whsec_secret");

		given(this.webhooks.register(
				eq(new Webhooks.Registration("https://hooks.example/in", List.of("gate.eaten"), null)), eq(ADMIN.id())))
			.willThrow(new InvalidFieldException("events", "webhook.events.unknown", "gate.eaten"));
		MvcTestResult refused = apiRegister("{\"url\": \"https://hooks.example/in\", \"events\": [\"gate.eaten\"]}",
				"admin-token");
		assertThat(refused).hasStatus(422).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused).bodyJson().extractingPath("$.field").isEqualTo("events");
		assertThat(refused).bodyJson().extractingPath("$.detail").isEqualTo("There is no event gate.eaten.");
	}

	@Test
	void aBodyThatIsNotJsonIsA400SayingWhatToSend() {
		MvcTestResult result = apiRegister("url=https://hooks.example/in", "admin-token");
		assertThat(result).hasStatus(400);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("\"events\"");
	}

	@Test
	void theDeliveryLogIsLimitedTo500Entries() {
		MvcTestResult result = this.mvc.get()
			.uri("/api/v1/webhooks/9/deliveries?limit=100000")
			.header(HttpHeaders.AUTHORIZATION, "Bearer admin-token")
			.exchange();
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		then(this.webhooks).should(never()).deliveries(anyLong(), org.mockito.ArgumentMatchers.anyInt());
		given(this.webhooks.deliveries(9, 100))
			.willReturn(List.of(new Webhooks.Delivery(1, 9, "msg_1", "gate.approved", "DELIVERED", 1, null,
					Instant.parse("2026-05-04T10:00:00Z"), Instant.parse("2026-05-04T10:00:00Z"), List.of())));
		assertThat(this.mvc.get()
			.uri("/api/v1/webhooks/9/deliveries")
			.header(HttpHeaders.AUTHORIZATION, "Bearer admin-token")).bodyJson()
			.extractingPath("$[0].messageId")
			.isEqualTo("msg_1");
	}

	private MvcTestResult apiRegister(String json, String token) {
		return this.mvc.post()
			.uri("/api/v1/webhooks")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

}
