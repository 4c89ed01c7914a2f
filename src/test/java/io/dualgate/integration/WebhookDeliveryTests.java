package io.dualgate.integration;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.dualgate.IntegrationTest;
import io.dualgate.gate.GateFixtures;
import io.dualgate.people.ApiTokens;
import io.dualgate.people.Role;
import io.dualgate.shared.InvalidFieldException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Done when: a test receiver verifies every signature with the Standard Webhooks
 * algorithm; down for three attempts then up, it receives the event exactly once more,
 * with the same webhook-id, and the delivery log shows four attempts. Plus the Slack
 * format, "send again", disabling after 20 failures, and the refusals.
 */
@IntegrationTest
class WebhookDeliveryTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	GateFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	private TestReceiver receiver;

	private Long endpointId;

	@AfterEach
	void stopReceiver() {
		if (this.endpointId != null) {
			// Later tests open gates too: this endpoint stops listening with its
			// receiver.
			this.jdbc.sql("update webhook_endpoint set enabled = false where id = ?").param(this.endpointId).update();
		}
		if (this.receiver != null) {
			this.receiver.close();
		}
	}

	@Test
	void aReceiverDownForThreeAttemptsGetsTheEventOnceMoreWithTheSameIdAndEverySignatureVerifies() throws Exception {
		this.receiver = new TestReceiver(3);
		Map<String, Object> registered = register(this.receiver.url(), "[\"gate.opened\"]", null);
		String secret = (String) registered.get("secret");
		assertThat(secret).startsWith("whsec_");
		this.receiver.secret(secret);

		String explorer = this.fixtures.person("wexp", Role.EXPLORATION_PM);
		String key = this.fixtures.prototype(explorer, "deliverer");
		long gateId = this.fixtures.open(key, explorer).id();
		String marker = "\"gateId\":" + gateId + ",";

		await().atMost(Duration.ofSeconds(30)).until(() -> this.receiver.receivedContaining(marker).size() >= 4);
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.receiver.receivedContaining(marker).size() == 4);
		List<TestReceiver.Received> got = this.receiver.receivedContaining(marker);
		assertThat(got).extracting(TestReceiver.Received::id).containsOnly(got.get(0).id());
		assertThat(got.get(0).id()).startsWith("msg_");
		assertThat(got).allMatch(TestReceiver.Received::signatureValid, "signature verifies");
		assertThat(JsonPath.<String>read(got.get(3).body(), "$.type")).isEqualTo("gate.opened");
		assertThat(JsonPath.<String>read(got.get(3).body(), "$.data.prototypeKey")).isEqualTo(key);
		assertThat(JsonPath.<String>read(got.get(3).body(), "$.timestamp")).isNotBlank();

		MvcTestResult log = this.mvc.get()
			.uri("/api/v1/webhooks/{id}/deliveries", this.endpointId)
			.header("Authorization", "Bearer " + adminToken())
			.exchange();
		assertThat(log).hasStatusOk();
		String json = log.getResponse().getContentAsString();
		List<Integer> codes = JsonPath.read(json, "$[?(@.messageId == '" + got.get(0).id() + "')].log[*].statusCode");
		assertThat(codes).containsExactly(503, 503, 503, 200);
		assertThat(JsonPath.<List<String>>read(json, "$[?(@.messageId == '" + got.get(0).id() + "')].status"))
			.containsExactly("DELIVERED");

		// The admin page shows the log; "send again" delivers once more, same id.
		String page = this.mvc.get()
			.uri("/admin/webhooks/{id}", this.endpointId)
			.with(user(this.fixtures.login("admin")))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(got.get(0).id(), "Delivery log", "Send again", "HTTP status");
		long deliveryId = this.jdbc.sql("select id from webhook_delivery where message_id = ?")
			.param(got.get(0).id())
			.query(Long.class)
			.single();
		assertThat(this.mvc.post()
			.uri("/admin/webhooks/{id}/deliveries/{d}/resend", this.endpointId, deliveryId)
			.with(user(this.fixtures.login("admin")))
			.with(csrf())).hasStatus3xxRedirection();
		await().atMost(Duration.ofSeconds(20)).until(() -> this.receiver.receivedContaining(marker).size() == 5);
		assertThat(this.receiver.receivedContaining(marker)).extracting(TestReceiver.Received::id)
			.containsOnly(got.get(0).id());
		assertThat(this.receiver.receivedContaining(marker)).allMatch(TestReceiver.Received::signatureValid);
	}

	@Test
	void aSlowReceiverIsGivenUpOnAfterFiveSecondsWithoutHoldingUpTheGate() throws Exception {
		this.receiver = new TestReceiver(0);
		this.receiver.slow(1, 8_000);
		this.receiver.secret((String) register(this.receiver.url(), "[\"gate.opened\"]", null).get("secret"));
		String explorer = this.fixtures.person("lexp", Role.EXPLORATION_PM);
		long started = System.nanoTime();
		long gateId = this.fixtures.open(this.fixtures.prototype(explorer, "deliverer"), explorer).id();
		assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(4_000);
		String marker = "\"gateId\":" + gateId + ",";
		await().atMost(Duration.ofSeconds(40)).until(() -> this.receiver.receivedContaining(marker).size() >= 2);
		List<Map<String, Object>> attempts = this.jdbc.sql("""
				select a.attempt, a.status_code, a.duration_ms, a.error from webhook_attempt a
				join webhook_delivery d on d.id = a.delivery_id where d.endpoint_id = ? order by a.attempt""")
			.param(this.endpointId)
			.query()
			.listOfRows();
		assertThat(attempts.get(0).get("status_code")).isNull();
		assertThat((Integer) attempts.get(0).get("duration_ms")).isBetween(4_500, 7_900);
		assertThat((String) attempts.get(0).get("error")).containsIgnoringCase("timed out");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("select status from webhook_delivery where endpoint_id = ?")
				.param(this.endpointId)
				.query(String.class)
				.single()
				.equals("DELIVERED"));
		assertThat(this.receiver.receivedContaining(marker)).allMatch(TestReceiver.Received::signatureValid);
	}

	@Test
	void theSlackFormatPostsTextForAnIncomingWebhook() throws Exception {
		this.receiver = new TestReceiver(0);
		register(this.receiver.url(), "[\"gate.opened\"]", "slack");
		String explorer = this.fixtures.person("sexp", Role.EXPLORATION_PM);
		String key = this.fixtures.prototype(explorer, "deliverer");
		long gateId = this.fixtures.open(key, explorer).id();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !this.receiver.receivedContaining("gate #" + gateId + " opened").isEmpty());
		String body = this.receiver.receivedContaining("gate #" + gateId + " opened").get(0).body();
		assertThat(JsonPath.<String>read(body, "$.text"))
			.isEqualTo("DualGate: gate #" + gateId + " opened for Prototype " + key);
	}

	@Test
	void twentyConsecutiveFailuresDisableTheEndpointAndTellTheAdmins() throws Exception {
		this.receiver = new TestReceiver(Integer.MAX_VALUE);
		register(this.receiver.url(), "[\"gate.opened\"]", null);
		long before = adminNotifications();
		String explorer = this.fixtures.person("dexp", Role.EXPLORATION_PM);
		this.fixtures.open(this.fixtures.prototype(explorer, "deliverer"), explorer);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> !this.jdbc.sql("select enabled from webhook_endpoint where id = ?")
				.param(this.endpointId)
				.query(Boolean.class)
				.single());
		assertThat(this.receiver.received()).hasSize(20);
		await().atMost(Duration.ofSeconds(20)).until(() -> adminNotifications() > before);
		assertThat(this.mvc.get()
			.uri("/admin/webhooks/{id}", this.endpointId)
			.with(user(this.fixtures.login("admin")))
			.exchange()).bodyText().contains("Disabled: 20 consecutive failed attempts");
	}

	@Test
	void badRegistrationsAreRefusedNamingTheField() throws Exception {
		assertThat(registration("{\"url\":\"ftp://example.com/x\",\"events\":[\"gate.opened\"]}")).hasStatus(422)
			.bodyJson()
			.extractingPath("$.field")
			.isEqualTo("url");
		assertThat(registration("{\"url\":\"http://127.0.0.1:9/x\",\"events\":[\"gate.exploded\"]}")).hasStatus(422)
			.bodyJson()
			.extractingPath("$.field")
			.isEqualTo("events");
		assertThat(registration("{\"url\":\"http://127.0.0.1:9/x\",\"events\":[]}")).hasStatus(422)
			.bodyJson()
			.extractingPath("$.field")
			.isEqualTo("events");
		assertThat(registration("{\"url\":\"https://127.0.0.1/x\",\"events\":[\"gate.opened\"],\"format\":\"xml\"}"))
			.hasStatus(422)
			.bodyJson()
			.extractingPath("$.field")
			.isEqualTo("format");
		assertThat(registration("not json")).hasStatus(400);
		// Not an admin: 403, nothing registered.
		String pmToken = this.tokens.create(this.fixtures.userId("explorer"), "webhooks");
		assertThat(this.mvc.post()
			.uri("/api/v1/webhooks")
			.header("Authorization", "Bearer " + pmToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"http://127.0.0.1:9/x\",\"events\":[\"gate.opened\"]}")
			.exchange()).hasStatus(403);
	}

	@Test
	void privateTargetsAreRefusedUnlessAllowed() {
		WebhookTargets strict = new WebhookTargets(new WebhookProperties(false, Duration.ofSeconds(5),
				Duration.ofSeconds(10), Duration.ofHours(2), Duration.ofHours(24), 20, Duration.ofSeconds(2)));
		for (String url : List.of("http://127.0.0.1/hook", "http://localhost:8080/hook", "http://10.1.2.3/x",
				"http://192.168.1.1/x", "http://172.16.0.5/x", "http://169.254.169.254/latest/meta-data",
				"http://[::1]/x", "http://[fd00::1]/x", "http://0.0.0.0/x")) {
			assertThatThrownBy(() -> strict.check(url)).as(url)
				.isInstanceOf(InvalidFieldException.class)
				.hasMessage("webhook.url.private");
		}
		assertThat(strict.check("http://93.184.215.14/x").getHost()).isEqualTo("93.184.215.14");
	}

	private Map<String, Object> register(String url, String events, String format) throws Exception {
		MvcTestResult result = registration("{\"url\":\"" + url + "\",\"events\":" + events
				+ ((format != null) ? ",\"format\":\"" + format + "\"" : "") + "}");
		assertThat(result).hasStatus(201);
		Map<String, Object> body = JsonPath.read(result.getResponse().getContentAsString(), "$");
		this.endpointId = ((Number) body.get("id")).longValue();
		return body;
	}

	private MvcTestResult registration(String json) {
		return this.mvc.post()
			.uri("/api/v1/webhooks")
			.header("Authorization", "Bearer " + adminToken())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	private String adminToken() {
		return this.tokens.create(this.fixtures.userId("admin"), "webhooks");
	}

	private long adminNotifications() {
		return this.jdbc.sql("""
				select count(*) from notification where type = 'WEBHOOK_DISABLED' and recipient_id = ?""")
			.param(this.fixtures.userId("admin"))
			.query(Long.class)
			.single();
	}

}
