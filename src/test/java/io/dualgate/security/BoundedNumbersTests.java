package io.dualgate.security;

import java.util.List;

import io.dualgate.IntegrationTest;
import io.dualgate.gate.GateFixtures;
import io.dualgate.gate.Track;
import io.dualgate.gate.template.ChecklistTemplate;
import io.dualgate.gate.template.ChecklistTemplates;
import io.dualgate.people.ApiTokens;
import io.dualgate.people.Role;
import io.dualgate.portfolio.Stage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * TRUST 28 and 31, issue 10 defects 2 and 6, issue 12 defect 3: a number is parsed with
 * bounded digits and exponent wherever it comes in (JSON, forms, CSV), the refusal quotes
 * a short excerpt, existence and ownership are checked before the body, a value bound to
 * a metric keeps the metric's range, and nothing unbounded reaches a message or an audit
 * row.
 */
@IntegrationTest
@Import(GateFixtures.class)
class BoundedNumbersTests {

	/** What a refusal may weigh at most (issue 10: "a 4xx under 2 KB"). */
	private static final int SMALL = 2048;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	GateFixtures fixtures;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ChecklistTemplates templates;

	private String token(String username) {
		return "Bearer " + this.tokens.create(this.fixtures.userId(username), "bounds " + System.nanoTime());
	}

	private MvcTestResult put(long gateId, String code, String body, String token) {
		return this.mvc.put()
			.uri("/api/v1/gates/{id}/tracks/TECHNICAL/items/{code}", gateId, code)
			.header(HttpHeaders.AUTHORIZATION, token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private static int size(MvcTestResult result) {
		return result.getResponse().getContentAsByteArray().length;
	}

	@Test
	void aHugeExponentIsRefusedWith422InAFewHundredBytes() {
		long id = this.fixtures.open(this.fixtures.prototype(), "explorer").id();
		String token = token("explorer");
		for (String value : List.of("\"1e999999999\"", "1e999999999", "\"1e200000\"", "1e400", "-1e400",
				"\"" + "9".repeat(5000) + "\"", "1" + "0".repeat(900), "\"1e-999999999\"", "0.00000000001")) {
			MvcTestResult result = put(id, "rag_latency_p95_ms", "{\"value\": " + value + "}", token);
			assertThat(result).as(value).hasStatus(422);
			assertThat(size(result)).as(value).isLessThan(SMALL);
			assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("value");
			assertThat(result).bodyJson().extractingPath("$.detail").asString().hasSizeLessThan(300);
		}
		// Nothing was stored.
		assertThat(answeredItems(id)).isZero();
	}

	@Test
	void aGateThatDoesNotExistOrIsNotYoursAnswers404Or403BeforeTheNumberIsRead() {
		String stranger = this.fixtures.person("stranger", Role.EXPLORATION_PM);
		long id = this.fixtures.open(this.fixtures.prototype(), "explorer").id();

		MvcTestResult missing = put(424242, "rag_latency_p95_ms", "{\"value\": \"1e200000\"}", token("explorer"));
		assertThat(missing).hasStatus(404);
		assertThat(size(missing)).isLessThan(SMALL);
		assertThat(missing).bodyJson().extractingPath("$.code").isEqualTo("gate.notFound");
		// Not even a broken body gets ahead of the 404.
		assertThat(put(424242, "rag_latency_p95_ms", "{\"value\": ", token("explorer"))).hasStatus(404);

		MvcTestResult foreign = put(id, "rag_latency_p95_ms", "{\"value\": \"1e200000\"}", token(stranger));
		assertThat(foreign).hasStatus(403);
		assertThat(size(foreign)).isLessThan(SMALL);

		MvcTestResult longCode = put(id, "x".repeat(5000), "{\"value\": 1}", token("explorer"));
		assertThat(longCode).hasStatus(404);
		assertThat(longCode).bodyJson().extractingPath("$.detail").asString().hasSizeLessThan(300);
	}

	@Test
	void aMeasureBoundToAMetricKeepsTheMetricsRangeInTheApiAndOnThePage() {
		long id = this.fixtures.open(this.fixtures.prototype(), "explorer").id();
		String token = token("explorer");
		for (String value : List.of("-5", "100.5")) {
			MvcTestResult result = put(id, "availability_pct", "{\"value\": " + value + "}", token);
			assertThat(result).as(value).hasStatus(422);
			assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("value");
			assertThat(result).bodyJson()
				.extractingPath("$.detail")
				.asString()
				.contains(value, "availability_pct", "0", "100");
		}
		assertThat(put(id, "availability_pct", "{\"value\": 99.97}", token)).hasStatusOk();

		// The browser form says the same next to the field, and keeps the old answer.
		MvcTestResult posted = this.mvc.post()
			.uri("/gates/{id}/tracks/TECHNICAL/items/availability_pct", id)
			.param("value", "100.5")
			.with(user(this.fixtures.login("explorer")))
			.with(csrf())
			.exchange();
		assertThat(posted).hasStatus3xxRedirection();
		// The redirect's flash attributes live in the (JDBC) session its cookie names.
		MvcTestResult page = this.mvc.get()
			.uri("/gates/{id}", id)
			.cookie(posted.getResponse().getCookies())
			.with(user(this.fixtures.login("explorer")))
			.exchange();
		assertThat(page).bodyText()
			.contains("id=\"answer-error-TECHNICAL-availability_pct\"")
			.contains("100.5 is outside the range of availability_pct");
		assertThat(this.jdbc.sql(
				"select answer_value from gate_item where gate_id = ? and track = 'TECHNICAL' and code = 'availability_pct'")
			.param(id)
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("99.97");
	}

	@Test
	void aFormNumberIsBoundedBeforeItReachesTheDatabaseOrTheAuditTrail() {
		String key = this.fixtures.prototype();
		MvcTestResult posted = this.mvc.post()
			.uri("/prototypes/{key}/kill-criteria", key)
			.param("metric", "first_response_accuracy_pct")
			.param("comparator", "<")
			.param("threshold", "1e999999")
			.param("consecutiveDays", "7")
			.param("noImprovingTrend", "true")
			.with(user(this.fixtures.login("explorer")))
			.with(csrf())
			.exchange();
		assertThat(posted).hasStatus3xxRedirection();
		assertThat(posted.getMvcResult().getFlashMap().get("error")).isEqualTo("killCriterion.invalid");
		assertThat(killCriteria(key)).isZero();
		assertThat(this.jdbc.sql("select count(*) from audit_event where entity_type = 'prototype' and entity_id = ?")
			.param(key)
			.query(Long.class)
			.single()).isZero();

		// The same form with a threshold that fits is stated, and audited in a few bytes.
		assertThat(this.mvc.post()
			.uri("/prototypes/{key}/kill-criteria", key)
			.param("metric", "first_response_accuracy_pct")
			.param("comparator", "<")
			.param("threshold", "85")
			.param("consecutiveDays", "7")
			.param("noImprovingTrend", "true")
			.with(user(this.fixtures.login("explorer")))
			.with(csrf())).hasStatus3xxRedirection();
		assertThat(killCriteria(key)).isOne();
		assertThat(this.jdbc
			.sql("select max(length(new_value)) from audit_event where entity_type = 'prototype' and entity_id = ?")
			.param(key)
			.query(Long.class)
			.single()).isLessThan(300);
	}

	private long killCriteria(String key) {
		return this.jdbc
			.sql("select count(*) from kill_criterion k join prototype p on p.id = k.prototype_id where p.key = ?")
			.param(key)
			.query(Long.class)
			.single();
	}

	@Test
	void templateThresholdsAndRowsAreBounded() {
		ChecklistTemplate current = this.templates.current(Stage.PROTOTYPE, Track.TECHNICAL).orElseThrow();
		MvcTestResult threshold = this.mvc.post()
			.uri("/admin/templates/{id}", current.getId())
			.param("title", "t")
			.param("changeNote", "n")
			.param("baseVersion", String.valueOf(current.getVersion()))
			.param("items[0].code", "too_big")
			.param("items[0].label", "l")
			.param("items[0].kind", "MEASURE")
			.param("items[0].comparator", ">=")
			.param("items[0].unit", "ms")
			.param("items[0].threshold", "1e999999")
			.with(user(this.fixtures.login("admin")))
			.with(csrf())
			.exchange();
		assertThat(threshold).hasStatusOk();
		assertThat(threshold).bodyText()
			.contains("Use at most 15 digits before and 10 digits after the decimal point.")
			.doesNotContain("0000000000000000000000");
		assertThat(size(threshold)).isLessThan(200_000);

		MvcTestResult rows = this.mvc.post()
			.uri("/admin/templates/{id}", current.getId())
			.param("title", "t")
			.param("changeNote", "n")
			.param("baseVersion", String.valueOf(current.getVersion()))
			.param("items[5000].code", "x")
			.with(user(this.fixtures.login("admin")))
			.with(csrf())
			.exchange();
		assertThat(rows).hasStatus4xxClientError();
		assertThat(rows).bodyText().contains("more rows");
		assertThat(this.templates.current(Stage.PROTOTYPE, Track.TECHNICAL).orElseThrow().getVersion())
			.isEqualTo(current.getVersion());
	}

	@Test
	void aJsonNumberBeyondADoubleIsRefusedWith422NotA500() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/observations")
			.header(HttpHeaders.AUTHORIZATION, token("explorer"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					[{"prototype":"CONTRACT-RISK","metric":"nps","date":"2025-01-01","value":1e400},
					 {"prototype":"CONTRACT-RISK","metric":"nps","date":"2025-01-02","value":1e999999999}]""")
			.exchange();
		assertThat(result).hasStatus(422);
		assertThat(size(result)).isLessThan(SMALL);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("value");
		assertThat(result).bodyJson().extractingPath("$.errors[1].field").isEqualTo("value");
	}

	@Test
	void otherNumberFieldsAreBoundedByTheirColumns() {
		// An alignment target r is numeric(4, 3): more decimals are refused, not rounded.
		MvcTestResult pair = this.mvc.post()
			.uri("/alignment/pairs")
			.param("technicalMetric", "benchmark_score")
			.param("technicalTransform", "LEVEL")
			.param("businessMetric", "nps")
			.param("businessTransform", "LEVEL")
			.param("kind", "CORRELATION")
			.param("expectedDirection", "POSITIVE")
			.param("targetR", "0.12345")
			.with(user(this.fixtures.login("admin")))
			.with(csrf())
			.exchange();
		assertThat(pair).hasStatusOk();
		assertThat(pair).bodyText().contains("3 digits after the decimal point");

		// A metric's range is numeric(25, 10), like the observations it bounds.
		MvcTestResult metric = this.mvc.post()
			.uri("/metrics")
			.param("key", "bounded_metric_" + System.nanoTime() % 100000)
			.param("name", "Bounded")
			.param("unit", "x")
			.param("kind", "TECHNICAL")
			.param("direction", "HIGHER_IS_BETTER")
			.param("maxValue", "1e400")
			.with(user(this.fixtures.login("admin")))
			.with(csrf())
			.exchange();
		assertThat(metric).hasStatusOk();
		assertThat(metric).bodyText()
			.contains("id=\"maxValue-error\"")
			.contains("Use at most 15 digits before and 10 digits after the decimal point.")
			.doesNotContain("0000000000000000000000");
	}

	private long answeredItems(long gateId) {
		return this.jdbc.sql("select count(*) from gate_item where gate_id = ? and answered_at is not null")
			.param(gateId)
			.query(Long.class)
			.single();
	}

}
