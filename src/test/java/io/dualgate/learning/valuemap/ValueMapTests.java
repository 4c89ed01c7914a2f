package io.dualgate.learning.valuemap;

import java.time.LocalDate;
import java.util.Random;

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
 * A value map as a PM states it: the claim the data supports is marked so, the one it
 * contradicts is flagged with the measured interval, the money step stays an assumption.
 */
@IntegrationTest
@Import(GateFixtures.class)
class ValueMapTests {

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

	private static final String MAP = """
			{"title": "Latency to renewals to money", "steps": [
			  {"fromMetric": "rag_latency_p95_ms", "fromChange": -100, "toMetric": "nps", "toChange": 7.5,
			   "assumption": "Faster answers, happier agents"},
			  {"fromMetric": "nps", "fromChange": 7.5, "toMetric": "renewal_rate_pct", "toChange": 12,
			   "assumption": "Promoters renew"},
			  {"fromMetric": "renewal_rate_pct", "fromChange": 12, "toUnit": "USD/year", "toChange": 187000,
			   "assumption": "130 accounts at 12,000 USD/year"}]}""";

	private MvcTestResult post(String key, String body, String bearer) {
		return this.mvc.post()
			.uri("/api/v1/prototypes/{key}/value-maps", key)
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	@Test
	void theDataSupportsOneClaimAndContradictsAnother() {
		String key = this.gates.prototype();
		// Twenty weeks: NPS follows latency (-0.075 per ms), renewals follow NPS at 0.45.
		Random noise = new Random(11);
		LocalDate monday = LearningFixtures.today().minusWeeks(20);
		monday = monday.minusDays(monday.getDayOfWeek().getValue() - 1L);
		for (int week = 0; week < 20; week++) {
			LocalDate day = monday.plusWeeks(week);
			double latency = 600 - 15 * week + noise.nextGaussian() * 10;
			double nps = 62 - 0.075 * latency + noise.nextGaussian() * 0.3;
			double renewal = 55 + 0.45 * nps + noise.nextGaussian() * 0.2;
			this.fixtures.observe(key, "rag_latency_p95_ms", day,
					String.format(java.util.Locale.ROOT, "%.2f", latency));
			this.fixtures.observe(key, "nps", day, String.format(java.util.Locale.ROOT, "%.2f", nps));
			this.fixtures.observe(key, "renewal_rate_pct", day, String.format(java.util.Locale.ROOT, "%.2f", renewal));
		}
		MvcTestResult created = post(key, MAP, this.fixtures.bearer("deliverer"));
		assertThat(created).hasStatus(201);
		assertThat(created).bodyJson().extractingPath("$.steps[0].check.verdict").isEqualTo("SUPPORTED");
		assertThat(created).bodyJson().extractingPath("$.steps[0].check.weeks").isEqualTo(20);
		assertThat(created).bodyJson().extractingPath("$.steps[1].check.verdict").isEqualTo("CONTRADICTED");
		assertThat(created).bodyJson().extractingPath("$.steps[2].check.verdict").isEqualTo("ASSUMPTION");
		assertThat(created).bodyJson().extractingPath("$.steps[2].toUnit").isEqualTo("USD/year");
		assertThat(this.fixtures.count(
				"select count(*) from audit_event where action = 'VALUE_MAP_STATED'" + " and new_value like ?",
				"%" + key + "%"))
			.isEqualTo(1);

		MvcTestResult page = this.mvc.get()
			.uri("/prototypes/{key}/value-map", key)
			.with(user(this.gates.login("executive")))
			.exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText()
			.contains("The data contradicts a claim of this map.")
			.contains("Contradicted")
			.contains("Supported")
			.containsPattern("3\\.\\d\\d % \\(95 %: \\d\\.\\d\\d to \\d\\.\\d\\d; 20 weeks\\)")
			.contains("Not measured: an assumption.");
	}

	@Test
	void aBrokenChainOrAMissingAssumptionIsRefusedWithTheFieldNamed() {
		String key = this.gates.prototype();
		String explorer = this.fixtures.bearer("explorer");
		assertField(post(key, MAP.replace("\"fromMetric\": \"nps\"", "\"fromMetric\": \"ltv_cac\""), explorer),
				"steps[1].fromMetric", "valuemap.chain.broken");
		assertField(post(key, MAP.replace("\"toMetric\": \"nps\",", "\"toUnit\": \"USD\","), explorer),
				"steps[0].toMetric", "valuemap.money.last");
		assertField(post(key, MAP.replace("Promoters renew", " "), explorer), "steps[1].assumption",
				"valuemap.assumption.required");
		assertField(post(key, MAP.replace("rag_latency_p95_ms", "latency"), explorer), "steps[0].fromMetric",
				"learning.metric.unknown");
		assertField(post(key, MAP.replace("\"fromChange\": -100", "\"fromChange\": 0"), explorer),
				"steps[0].fromChange", "valuemap.change.zero");
		assertThat(this.fixtures.count(
				"select count(*) from value_map where prototype_id =" + " (select id from prototype where key = ?)",
				key))
			.isZero();
		String stranger = this.fixtures.bearer(this.gates.person("outsider", Role.DELIVERY_PM));
		assertThat(post(key, MAP, stranger)).hasStatus(403);
		assertThat(post(key, MAP, this.fixtures.bearer("executive"))).hasStatus(403);
		assertThat(this.mvc.get()
			.uri("/api/v1/prototypes/{key}/value-maps", key)
			.header(HttpHeaders.AUTHORIZATION, stranger)).hasStatus(403);
		assertThat(this.mvc.get()
			.uri("/api/v1/prototypes/{key}/value-maps", key)
			.header(HttpHeaders.AUTHORIZATION, this.fixtures.bearer("executive"))).hasStatusOk();
	}

	private static void assertField(MvcTestResult result, String field, String code) {
		assertThat(result).hasStatus(422);
		assertThat(result).bodyJson().extractingPath("$.field").isEqualTo(field);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
	}

}
