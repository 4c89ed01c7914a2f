package io.dualgate.gate;

import io.dualgate.IntegrationTest;
import io.dualgate.people.ApiTokens;
import io.dualgate.people.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate API: JSON reads, evidence from pipelines with an object-level role check,
 * problem details for every error.
 */
@IntegrationTest
@Import(GateFixtures.class)
class GateApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	GateFixtures fixtures;

	@Autowired
	Gates gates;

	@Autowired
	ApiTokens tokens;

	private String token(String username) {
		return "Bearer " + this.tokens.create(this.fixtures.userId(username), "test " + System.nanoTime());
	}

	private MvcTestResult put(long id, String track, String code, String body, String token) {
		return this.mvc.put()
			.uri("/api/v1/gates/{id}/tracks/{t}/items/{c}", id, track, code)
			.header(HttpHeaders.AUTHORIZATION, token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	@Test
	void listsGatesByStatusAndShowsOneWithItsSignatures() {
		String token = token("executive");
		MvcTestResult open = this.mvc.get()
			.uri("/api/v1/gates?status=OPEN")
			.header(HttpHeaders.AUTHORIZATION, token)
			.exchange();
		assertThat(open).hasStatusOk();
		assertThat(open).bodyJson().extractingPath("$[*].status").asArray().containsOnly("OPEN");
		assertThat(open).bodyJson().extractingPath("$[*].prototypeKey").asArray().contains("CONTRACT-RISK");

		long contractRisk = this.gates.list(GateStatus.OPEN)
			.stream()
			.filter((g) -> g.prototypeKey().equals("CONTRACT-RISK"))
			.findFirst()
			.orElseThrow()
			.id();
		MvcTestResult one = this.mvc.get()
			.uri("/api/v1/gates/{id}", contractRisk)
			.header(HttpHeaders.AUTHORIZATION, token)
			.exchange();
		assertThat(one).hasStatusOk();
		assertThat(one).bodyJson().extractingPath("$.technical.validSignature.signerName").isEqualTo("Lin Wei");
		assertThat(one).bodyJson().extractingPath("$.technical.validSignature.meaning").isEqualTo("APPROVE");
		assertThat(one).bodyJson().extractingPath("$.technical.validSignature.hashMatches").isEqualTo(true);
		assertThat(one).bodyJson().extractingPath("$.commercial.validSignature").isNull();

		assertThat(this.mvc.get().uri("/api/v1/gates?status=REJECTED").header(HttpHeaders.AUTHORIZATION, token))
			.bodyJson()
			.extractingPath("$[*].prototypeKey")
			.asArray()
			.contains("CLAIMS-TRIAGE");
	}

	@Test
	void answersNeedATokenOfAHolderOfTheTracksRole() {
		long id = this.fixtures.open(this.fixtures.prototype(), "explorer").id();
		String body = "{\"value\": 99.97}";
		assertThat(put(id, "TECHNICAL", "availability_pct", body, "Bearer nope")).hasStatus(401);
		assertThat(put(id, "TECHNICAL", "availability_pct", body, token("executive"))).hasStatus(403);
		MvcTestResult wrongTrack = put(id, "TECHNICAL", "availability_pct", body, token("deliverer"));
		assertThat(wrongTrack).hasStatus(403);
		assertThat(wrongTrack).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(put(999999, "TECHNICAL", "availability_pct", body, token("explorer"))).hasStatus(404);
		assertThat(put(id, "TECHNICAL", "no_such_item", body, token("explorer"))).hasStatus(404);
		assertThat(put(id, "SIDEWAYS", "availability_pct", body, token("explorer"))).hasStatus(404);
		MvcTestResult bad = put(id, "TECHNICAL", "availability_pct", "{\"value\": \"lots\"}", token("explorer"));
		assertThat(bad).hasStatus(422);
		assertThat(bad).bodyJson().extractingPath("$.code").isEqualTo("number.notNumeric");

		MvcTestResult ok = put(id, "TECHNICAL", "availability_pct", body, token("explorer"));
		assertThat(ok).hasStatusOk();
		assertThat(ok).bodyJson().extractingPath("$.technical.items[0].verdict").isEqualTo("PASS");
		assertThat(ok).bodyJson().extractingPath("$.technical.items[0].source").isEqualTo("API");
	}

	@Test
	void aPipelineValueInvalidatesTheSignatureLikeABrowserEdit() {
		String pipeline = this.fixtures.person("pipeline", Role.EXPLORATION_PM);
		long id = this.fixtures.open(this.fixtures.prototype(), "explorer").id();
		this.fixtures.answerPassing(id, Track.TECHNICAL, "explorer");
		this.fixtures.answerPassing(id, Track.COMMERCIAL, "deliverer");
		this.fixtures.sign(id, Track.TECHNICAL, "explorer", Meaning.APPROVE, null);
		this.fixtures.sign(id, Track.COMMERCIAL, "deliverer", Meaning.REJECT, "pricing not agreed");
		// Decided gates refuse new answers with a conflict.
		assertThat(put(id, "TECHNICAL", "rag_latency_p95_ms", "{\"value\": 310}", token("explorer"))).hasStatus(409);

		long open = this.fixtures.open(this.fixtures.prototype(), "explorer").id();
		this.fixtures.answerPassing(open, Track.TECHNICAL, "explorer");
		this.fixtures.answerPassing(open, Track.COMMERCIAL, "deliverer");
		this.fixtures.sign(open, Track.TECHNICAL, "explorer", Meaning.APPROVE, null);
		this.fixtures.sign(open, Track.COMMERCIAL, "deliverer", Meaning.APPROVE, null);
		long third = this.fixtures.open(this.fixtures.prototype(), "explorer").id();
		this.fixtures.answerPassing(third, Track.TECHNICAL, "explorer");
		this.fixtures.answerPassing(third, Track.COMMERCIAL, "deliverer");
		this.fixtures.sign(third, Track.TECHNICAL, "explorer", Meaning.APPROVE, null);
		this.fixtures.sign(third, Track.COMMERCIAL, "deliverer", Meaning.APPROVE, null);
		assertThat(this.gates.get(third).status()).isEqualTo(GateStatus.APPROVED);

		long waiting = this.fixtures.open(this.fixtures.prototype(), "explorer").id();
		this.fixtures.answerPassing(waiting, Track.TECHNICAL, "explorer");
		this.fixtures.answerPassing(waiting, Track.COMMERCIAL, "deliverer");
		this.fixtures.sign(waiting, Track.TECHNICAL, "explorer", Meaning.APPROVE, null);

		// A stranger holding the role is refused, and nothing changes.
		assertThat(put(waiting, "TECHNICAL", "rag_latency_p95_ms", "{\"value\": 310}", token(pipeline))).hasStatus(403);
		assertThat(this.gates.get(waiting).technical().signed()).isTrue();

		// The prototype's own Exploration PM's pipeline token changes the value.
		MvcTestResult result = put(waiting, "TECHNICAL", "rag_latency_p95_ms", "{\"value\": 310}", token("explorer"));
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.technical.validSignature").isNull();
		assertThat(result).bodyJson().extractingPath("$.technical.signatures[0].valid").isEqualTo(false);
		assertThat(result).bodyJson()
			.extractingPath("$.technical.signatures[0].invalidationReason")
			.asString()
			.contains("rag_latency_p95_ms = 310");
		assertThat(result).bodyJson()
			.extractingPath("$.technical.failingBlockingItems")
			.asArray()
			.containsExactly("rag_latency_p95_ms");
		assertThat(this.gates.get(waiting).commercial().signatures()).isEmpty();
	}

}
