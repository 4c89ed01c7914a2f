package io.dualgate.learning.feedback;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import io.dualgate.IntegrationTest;
import io.dualgate.gate.GateFixtures;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Human feedback through the API: stored once per case id, all or nothing, every bad cell
 * named; its daily rates become observations of derived metrics; strangers refused.
 */
@IntegrationTest
@Import(GateFixtures.class)
class FeedbackApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	GateFixtures gates;

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

	private MvcTestResult post(String key, String body, MediaType type, String bearer) {
		return this.mvc.post()
			.uri("/api/v1/prototypes/{key}/feedback", key)
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.contentType(type)
			.content(body)
			.exchange();
	}

	private BigDecimal observed(String key, String metric, LocalDate day) {
		return this.jdbc.sql("""
				select value from observation where metric_key = ? and observed_on = ?
				and prototype_id = (select id from prototype where key = ?)""")
			.params(metric, day, key)
			.query(BigDecimal.class)
			.optional()
			.orElse(null);
	}

	@Test
	void casesAreStoredOnceAndTheirDailyRatesBecomeDerivedObservations() {
		String key = this.gates.prototype();
		String explorer = this.fixtures.bearer("explorer");
		MvcTestResult declared = this.mvc.post()
			.uri("/api/v1/prototypes/{key}/capabilities", key)
			.header(HttpHeaders.AUTHORIZATION, explorer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"key\": \"clause_extraction\", \"name\": \"Clause extraction\"}")
			.exchange();
		assertThat(declared).hasStatus(201);
		assertThat(declared).bodyJson().extractingPath("$.level").isEqualTo("SUGGEST");

		Instant noon = LocalDate.now(ZoneOffset.UTC)
			.atStartOfDay(ZoneOffset.UTC)
			.toInstant()
			.plus(12, ChronoUnit.HOURS);
		Instant at = noon.isAfter(Instant.now()) ? Instant.now() : noon;
		String batch = """
				[{"case_id": "c-1", "capability": "clause_extraction", "outcome": "ACCEPTED", "occurred_at": "%s"},
				 {"case_id": "c-2", "capability": "clause_extraction", "outcome": "accepted", "severity": "minor",
				  "reviewer": "m.li", "comment": "fine", "occurred_at": "%s"},
				 {"case_id": "c-3", "capability": "clause_extraction", "outcome": "EDITED", "severity": "MAJOR",
				  "occurred_at": "%s"},
				 {"case_id": "c-4", "capability": "clause_extraction", "outcome": "REJECTED", "severity": "NONE",
				  "occurred_at": "%s"}]""".formatted(at.minusSeconds(40), at.minusSeconds(30), at.minusSeconds(20),
				at.minusSeconds(10));
		MvcTestResult first = post(key, batch, MediaType.APPLICATION_JSON, explorer);
		assertThat(first).hasStatus(201);
		assertThat(first).bodyJson().extractingPath("$.stored").isEqualTo(4);

		LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
		assertThat(observed(key, "human_acceptance_rate_pct__clause_extraction", day)).isEqualByComparingTo("50");
		assertThat(observed(key, "human_edit_rate_pct__clause_extraction", day)).isEqualByComparingTo("25");
		assertThat(observed(key, "human_rejection_rate_pct__clause_extraction", day)).isEqualByComparingTo("25");
		assertThat(observed(key, "human_critical_cases__clause_extraction", day)).isEqualByComparingTo("0");
		assertThat(observed(key, "human_acceptance_rate_pct", day)).as("the whole prototype")
			.isEqualByComparingTo("50");
		assertThat(this.fixtures.auditEvents("FEEDBACK_RECORDED", key)).isEqualTo(1);

		// Idempotent: the same batch again changes nothing.
		MvcTestResult again = post(key, batch, MediaType.APPLICATION_JSON, this.fixtures.bearer("deliverer"));
		assertThat(again).hasStatusOk();
		assertThat(again).bodyJson().extractingPath("$.unchanged").isEqualTo(4);
		assertThat(again).bodyJson().extractingPath("$.stored").isEqualTo(0);

		// The same case id with other content: 409 naming both versions, nothing saved.
		String changed = """
				[{"case_id": "c-5", "capability": "clause_extraction", "outcome": "ACCEPTED", "occurred_at": "%s"},
				 {"case_id": "c-3", "capability": "clause_extraction", "outcome": "ACCEPTED", "severity": "MAJOR",
				  "occurred_at": "%s"}]""".formatted(at.minusSeconds(5), at.minusSeconds(20));
		MvcTestResult conflict = post(key, changed, MediaType.APPLICATION_JSON, explorer);
		assertThat(conflict).hasStatus(409);
		assertThat(conflict).bodyJson().extractingPath("$.conflicts[0].index").isEqualTo(1);
		assertThat(conflict).bodyJson().extractingPath("$.conflicts[0].case_id").isEqualTo("c-3");
		assertThat(conflict).bodyJson().extractingPath("$.conflicts[0].stored.outcome").isEqualTo("EDITED");
		assertThat(conflict).bodyJson().extractingPath("$.conflicts[0].sent.outcome").isEqualTo("ACCEPTED");
		assertThat(this.fixtures.count("select count(*) from feedback_case where case_id = 'c-5'"
				+ " and prototype_id = (select id from prototype where key = ?)", key))
			.isZero();

		// The capability's page shows the trend and the latest cases; a stranger is
		// refused.
		MvcTestResult page = this.mvc.get()
			.uri("/prototypes/{key}/capabilities/clause_extraction", key)
			.with(user(this.gates.login("executive")))
			.exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText()
			.contains("4 cases reviewed")
			.contains("c-4")
			.contains("data-series")
			.contains("50.00 %");
		assertThat(this.mvc.get()
			.uri("/prototypes/{key}/capabilities/clause_extraction", key)
			.with(user(this.gates.login("labexplorer")))).hasStatus(403);
		assertThat(this.mvc.get()
			.uri("/prototypes/{key}/capabilities/nothing_here", key)
			.with(user(this.gates.login("explorer")))).hasStatus(404);
	}

	@Test
	void aBadBatchNamesEveryBadCellAndSavesNothing() {
		String key = this.gates.prototype();
		this.fixtures.capability(key, "risk_flagging");
		String explorer = this.fixtures.bearer("explorer");
		String future = Instant.now().plusSeconds(3600).toString();
		String csv = """
				case_id,capability,outcome,severity,reviewer,comment,occurred_at
				k-1,risk_flagging,ACCEPTED,NONE,a,,2026-01-05T10:00:00Z
				k-2,no_such_capability,ACCEPTED,NONE,a,,2026-01-05T10:00:00Z
				k-3,risk_flagging,MAYBE,NONE,a,,2026-01-05T10:00:00Z
				k-4,risk_flagging,ACCEPTED,FATAL,a,,2026-01-05T10:00:00Z
				k-5,risk_flagging,ACCEPTED,NONE,a,,%s
				k-6,risk_flagging,ACCEPTED,NONE,a,,yesterday
				k-7,risk_flagging,ACCEPTED
				""".formatted(future);
		MvcTestResult bad = post(key, csv, MediaType.parseMediaType("text/csv"), explorer);
		assertThat(bad).hasStatus(422);
		assertThat(bad).bodyJson().extractingPath("$.errorCount").isEqualTo(6);
		assertThat(bad).bodyJson().extractingPath("$.errors[*].line").asArray().contains(3, 4, 5, 6, 7, 8);
		assertThat(bad).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.contains("capability", "outcome", "severity", "occurred_at", "columns");
		assertThat(this.fixtures.count(
				"select count(*) from feedback_case where prototype_id =" + " (select id from prototype where key = ?)",
				key))
			.isZero();

		assertThat(post(key, "id,what\n1,2\n", MediaType.parseMediaType("text/csv"), explorer)).hasStatus(400);
		assertThat(post(key, "{\"case_id\": \"x\"}", MediaType.APPLICATION_JSON, explorer)).hasStatus(400);
		assertThat(post(key, "[]", MediaType.APPLICATION_JSON, explorer)).hasStatus(400);
		MvcTestResult duplicateInBatch = post(key,
				"""
						[{"case_id": "d-1", "capability": "risk_flagging", "outcome": "ACCEPTED", "occurred_at": "2026-01-05T10:00:00Z"},
						 {"case_id": "d-1", "capability": "risk_flagging", "outcome": "REJECTED", "occurred_at": "2026-01-05T10:00:00Z"}]""",
				MediaType.APPLICATION_JSON, explorer);
		assertThat(duplicateInBatch).hasStatus(409);

		// Derived metrics are DualGate's own: nobody records them by hand.
		MvcTestResult byHand = this.mvc.post()
			.uri("/api/v1/observations")
			.header(HttpHeaders.AUTHORIZATION, explorer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("[{\"prototype\": \"" + key
					+ "\", \"metric\": \"human_acceptance_rate_pct\", \"date\": \"2026-01-05\"," + " \"value\": 99}]")
			.exchange();
		assertThat(byHand).hasStatus(422);
		assertThat(byHand).bodyJson().extractingPath("$.errors[0].field").isEqualTo("metric");
	}

	@Test
	void strangersAndExecutivesCannotPostFeedback() {
		String key = this.gates.prototype();
		this.fixtures.capability(key, "summary_drafting");
		String batch = LearningFixtures.cases("s", "summary_drafting", 2, "ACCEPTED", "NONE", Instant.now());
		String stranger = this.fixtures.bearer(this.gates.person("outsider", Role.DELIVERY_PM));
		MvcTestResult refused = post(key, batch, MediaType.APPLICATION_JSON, stranger);
		assertThat(refused).hasStatus(403);
		assertThat(refused).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(post(key, batch, MediaType.APPLICATION_JSON, this.fixtures.bearer("executive"))).hasStatus(403);
		assertThat(post(key, batch, MediaType.APPLICATION_JSON, this.fixtures.bearer("admin"))).hasStatus(201);
		assertThat(this.mvc.post()
			.uri("/api/v1/prototypes/{key}/capabilities", key)
			.header(HttpHeaders.AUTHORIZATION, stranger)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"key\": \"taken_over\", \"name\": \"x\"}")).hasStatus(403);
		assertThat(this.mvc.post()
			.uri("/api/v1/prototypes/{key}/capabilities", key)
			.header(HttpHeaders.AUTHORIZATION, this.fixtures.bearer("explorer"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"key\": \"Bad Key\", \"name\": \"x\"}")).bodyJson().extractingPath("$.field").isEqualTo("key");
	}

}
