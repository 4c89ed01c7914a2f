package io.dualgate.learning.autonomy;

import java.time.Duration;
import java.time.Instant;

import io.dualgate.IntegrationTest;
import io.dualgate.gate.GateFixtures;
import io.dualgate.gate.GateStatus;
import io.dualgate.gate.GateView;
import io.dualgate.gate.Gates;
import io.dualgate.gate.ItemView;
import io.dualgate.gate.Meaning;
import io.dualgate.gate.Track;
import io.dualgate.gate.checklist.Verdict;
import io.dualgate.learning.LearningFixtures;
import io.dualgate.metrics.Metrics;
import io.dualgate.people.ApiTokens;
import io.dualgate.people.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The autonomy ladder as a new user meets it: autonomy earned through the real dual-sign
 * gate on computed evidence, taken back at once by a critical case or a fallen acceptance
 * rate (with hysteresis), the stop button, and the policy decision point's answer.
 */
@IntegrationTest
@Import(GateFixtures.class)
class AutonomyTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	GateFixtures gates;

	@Autowired
	Gates gateService;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Metrics metrics;

	@Autowired
	JdbcClient jdbc;

	LearningFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new LearningFixtures(this.gates, this.tokens, this.metrics, this.jdbc);
	}

	private MvcTestResult feedback(String key, String body) {
		return this.mvc.post()
			.uri("/api/v1/prototypes/{key}/feedback", key)
			.header(HttpHeaders.AUTHORIZATION, this.fixtures.bearer("explorer"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult autonomy(String key, String bearer, String ifNoneMatch) {
		var request = this.mvc.get()
			.uri("/api/v1/prototypes/{key}/autonomy", key)
			.header(HttpHeaders.AUTHORIZATION, bearer);
		if (ifNoneMatch != null) {
			request = request.header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
		}
		return request.exchange();
	}

	private static ItemView item(GateView gate, String code) {
		return gate.technical().items().stream().filter((i) -> i.code().equals(code)).findFirst().orElseThrow();
	}

	@Test
	void twoHundredAcceptedCasesAndTwoSignaturesRaiseACapabilityAndOneCriticalCaseTakesItBack() {
		String key = this.gates.prototype();
		this.fixtures.capability(key, "clause_extraction");
		assertThat(feedback(key,
				LearningFixtures.cases("ok", "clause_extraction", 200, "ACCEPTED", "NONE", Instant.now())))
			.hasStatus(201);

		// The PM asks for the next level: an autonomy gate opens with its items computed.
		MvcTestResult opened = this.mvc.post()
			.uri("/prototypes/{key}/capabilities/clause_extraction/autonomy-gates", key)
			.with(csrf())
			.with(user(this.gates.login("explorer")))
			.exchange();
		assertThat(opened).hasStatus3xxRedirection();
		long gateId = Long.parseLong(opened.getResponse().getRedirectedUrl().replace("/gates/", ""));
		GateView gate = this.gateService.get(gateId);
		assertThat(gate.autonomy()).isTrue();
		assertThat(gate.toLevel()).isEqualTo("DRAFT_FOR_REVIEW");
		ItemView acceptance = item(gate, "acceptance_rate");
		assertThat(acceptance.verdict()).isEqualTo(Verdict.PASS);
		assertThat(acceptance.computedCount()).isEqualTo(200);
		assertThat(acceptance.answerValue()).isEqualByComparingTo("100");
		assertThat(item(gate, "no_critical_case").verdict()).isEqualTo(Verdict.PASS);
		assertThat(this.mvc.get().uri("/gates/{id}", gateId).with(user(this.gates.login("executive")))).bodyText()
			.contains("Autonomy of clause_extraction: Suggest → Draft for review")
			.contains("100 % over 200 cases in the last 30 days");

		// Both PMs sign (the same mechanism as a stage gate).
		this.gates.answerPassing(gateId, Track.TECHNICAL, "explorer");
		this.gates.answerPassing(gateId, Track.COMMERCIAL, "deliverer");
		this.gates.sign(gateId, Track.TECHNICAL, "explorer", Meaning.APPROVE, null);
		GateView approved = this.gates.sign(gateId, Track.COMMERCIAL, "deliverer", Meaning.APPROVE, null);
		assertThat(approved.status()).isEqualTo(GateStatus.APPROVED);
		assertThat(this.gates.stageOf(key)).as("an autonomy gate moves no stage").isEqualTo("PROTOTYPE");

		// The AI system asks what it may do: the new level, with an ETag.
		String executive = this.fixtures.bearer("executive");
		MvcTestResult state = autonomy(key, executive, null);
		assertThat(state).hasStatusOk();
		assertThat(state).bodyJson().extractingPath("$.capabilities[0].level").isEqualTo("DRAFT_FOR_REVIEW");
		assertThat(state).bodyJson().extractingPath("$.capabilities[0].mayDraft").isEqualTo(true);
		assertThat(state).bodyJson().extractingPath("$.capabilities[0].mayAct").isEqualTo(false);
		String etag = state.getResponse().getHeader(HttpHeaders.ETAG);
		assertThat(etag).isNotBlank();
		assertThat(state.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-cache")
			.doesNotContain("no-store");
		MvcTestResult notModified = autonomy(key, executive, etag);
		assertThat(notModified).hasStatus(304);
		assertThat(this.fixtures.count("select count(*) from autonomy_level_change h join capability c on c.id ="
				+ " h.capability_id where c.key = 'clause_extraction' and c.prototype_id = (select id from prototype"
				+ " where key = ?) and h.cause = 'GATE' and h.gate_id = ?", key, gateId))
			.isEqualTo(1);

		// One CRITICAL case takes the level back at once, with an audit event and a
		// notification to both PMs.
		assertThat(feedback(key, """
				[{"case_id": "bad-1", "capability": "clause_extraction", "outcome": "REJECTED", "severity": "CRITICAL",
				  "comment": "missed an uncapped indemnity", "occurred_at": "%s"}]"""
			.formatted(Instant.now().minusSeconds(5)))).hasStatus(201);
		assertThat(this.fixtures.level(key, "clause_extraction")).isEqualTo("SUGGEST");
		MvcTestResult lowered = autonomy(key, executive, etag);
		assertThat(lowered).as("the tag changed with the level").hasStatusOk();
		assertThat(lowered).bodyJson().extractingPath("$.capabilities[0].level").isEqualTo("SUGGEST");
		assertThat(this.fixtures.count("select count(*) from audit_event where action = 'AUTONOMY_LOWERED'"
				+ " and new_value like '%CRITICAL case bad-1%' and new_value like ?", "%" + key + "%"))
			.isEqualTo(1);
		long explorer = this.gates.userId("explorer");
		long deliverer = this.gates.userId("deliverer");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.jdbc.sql("""
					select recipient_id from notification where type = 'AUTONOMY_LOWERED' and prototype_key = ?""")
				.param(key)
				.query(Long.class)
				.list()).containsExactlyInAnyOrder(explorer, deliverer));
		assertThat(this.mvc.get().uri("/prototypes/{key}/autonomy", key).with(user(this.gates.login("deliverer"))))
			.bodyText()
			.contains("Automatic: critical case")
			.contains("CRITICAL case bad-1")
			.contains("Dual-sign autonomy gate");
	}

	@Test
	void aFallenAcceptanceRateTakesOneStepBackAndHysteresisKeepsTheLevelAboveItsLowerBound() {
		String key = this.gates.prototype();
		this.fixtures.capability(key, "risk_flagging");
		this.jdbc.sql("""
				update capability set level = 'ACT', level_changed_at = now() - interval '1 hour'
				where key = 'risk_flagging' and prototype_id = (select id from prototype where key = ?)""")
			.param(key)
			.update();
		Instant now = Instant.now();
		// 44 of 50 accepted: 88 %, below act's 90 %.
		feedback(key, batch("a", 44, 6, now.minusSeconds(600)));
		assertThat(this.fixtures.level(key, "risk_flagging")).isEqualTo("DRAFT_FOR_REVIEW");
		// 43 of 50: 86 %, not enough to earn draft for review (90 %), enough to keep it
		// (80 %).
		feedback(key, batch("b", 43, 7, now.minusSeconds(300)));
		assertThat(this.fixtures.level(key, "risk_flagging")).isEqualTo("DRAFT_FOR_REVIEW");
		// 35 of 50: 70 %, below 80 %.
		feedback(key, batch("c", 35, 15, now.minusSeconds(60)));
		assertThat(this.fixtures.level(key, "risk_flagging")).isEqualTo("SUGGEST");
		assertThat(this.jdbc.sql("""
				select h.cause || ':' || h.from_level || '>' || h.to_level from autonomy_level_change h
				join capability c on c.id = h.capability_id
				where c.key = 'risk_flagging' and c.prototype_id = (select id from prototype where key = ?)
				order by h.id""").param(key).query(String.class).list())
			.containsExactly("AUTO_ACCEPTANCE:ACT>DRAFT_FOR_REVIEW", "AUTO_ACCEPTANCE:DRAFT_FOR_REVIEW>SUGGEST");
	}

	/** {@code accepted} ACCEPTED then {@code edited} EDITED cases, a second apart. */
	private static String batch(String prefix, int accepted, int edited, Instant until) {
		String ok = LearningFixtures.cases(prefix + "-ok", "risk_flagging", accepted, "ACCEPTED", "NONE",
				until.minusSeconds(edited * 60L));
		String changed = LearningFixtures.cases(prefix + "-ed", "risk_flagging", edited, "EDITED", "MINOR", until);
		return ok.substring(0, ok.length() - 1) + "," + changed.substring(1);
	}

	@Test
	void theStopButtonNeedsAReasonAndOnlyThePrototypesPeople() {
		String key = this.gates.prototype();
		this.fixtures.capability(key, "summary_drafting");
		this.jdbc.sql("""
				update capability set level = 'ACT' where key = 'summary_drafting'
				and prototype_id = (select id from prototype where key = ?)""").param(key).update();
		String path = "/api/v1/prototypes/" + key + "/capabilities/summary_drafting/lower";
		String stranger = this.fixtures.bearer(this.gates.person("outsider", Role.EXPLORATION_PM));
		assertThat(post(path, "{\"reason\": \"mine now\"}", stranger)).hasStatus(403);
		assertThat(post(path, "{\"reason\": \"stop\"}", this.fixtures.bearer("executive"))).hasStatus(403);
		MvcTestResult noReason = post(path, "{\"reason\": \" \"}", this.fixtures.bearer("deliverer"));
		assertThat(noReason).hasStatus(422);
		assertThat(noReason).bodyJson().extractingPath("$.field").isEqualTo("reason");
		assertThat(post(path, "{\"reason\": \"x\", \"level\": \"ACT\"}", this.fixtures.bearer("deliverer")))
			.hasStatus(422);
		MvcTestResult stopped = post(path, "{\"reason\": \"customer complaint, checking\", \"level\": \"SUGGEST\"}",
				this.fixtures.bearer("deliverer"));
		assertThat(stopped).hasStatus(201);
		assertThat(stopped).bodyJson().extractingPath("$.to").isEqualTo("SUGGEST");
		assertThat(stopped).bodyJson().extractingPath("$.cause").isEqualTo("MANUAL");
		assertThat(this.fixtures.level(key, "summary_drafting")).isEqualTo("SUGGEST");

		// The page's stop button says what is missing next to the field.
		this.jdbc.sql("""
				update capability set level = 'DRAFT_FOR_REVIEW' where key = 'summary_drafting'
				and prototype_id = (select id from prototype where key = ?)""").param(key).update();
		assertThat(this.mvc.post()
			.uri("/prototypes/{key}/capabilities/summary_drafting/lower", key)
			.with(csrf())
			.with(user(this.gates.login("explorer")))
			.param("level", "SUGGEST")).bodyText().contains("Give a reason");
		assertThat(this.fixtures.level(key, "summary_drafting")).isEqualTo("DRAFT_FOR_REVIEW");
	}

	@Test
	void lowerBoundsThatInvertTheHysteresisAreRefused() {
		String key = this.gates.prototype();
		this.fixtures.capability(key, "summary_drafting");
		String path = "/api/v1/prototypes/" + key + "/capabilities/summary_drafting/policy";
		MvcTestResult inverted = put(path, "{\"windowCases\": 50, \"draftBelowPct\": 92, \"actBelowPct\": 90}");
		assertThat(inverted).hasStatus(422);
		assertThat(inverted).bodyJson().extractingPath("$.field").isEqualTo("draftBelowPct");
		assertThat(inverted).bodyJson().extractingPath("$.code").isEqualTo("autonomy.policy.inverted");
		assertThat(put(path, "{\"windowCases\": 50, \"draftBelowPct\": 80, \"actBelowPct\": 120}")).hasStatus(422);
		assertThat(put(path, "{\"windowCases\": 50, \"draftBelowPct\": 80}")).hasStatus(422);
		MvcTestResult saved = put(path, "{\"windowCases\": 100, \"draftBelowPct\": 75.5, \"actBelowPct\": 92}");
		assertThat(saved).hasStatusOk();
		assertThat(this.fixtures.count("select demotion_window_cases from capability where key = 'summary_drafting'"
				+ " and prototype_id = (select id from prototype where key = ?)", key))
			.isEqualTo(100);
	}

	private MvcTestResult post(String path, String body, String bearer) {
		return this.mvc.post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult put(String path, String body) {
		return this.mvc.put()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, this.fixtures.bearer("explorer"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

}
