package io.dualgate.learning.okr;

import io.dualgate.IntegrationTest;
import io.dualgate.gate.GateFixtures;
import io.dualgate.learning.LearningFixtures;
import io.dualgate.learning.Quarter;
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

/**
 * Shared OKRs through the API: stated by the prototype's PMs, progress from its
 * observations, each PM's check-ins kept as history, strangers refused, bad input named.
 */
@IntegrationTest
@Import(GateFixtures.class)
class OkrApiTests {

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

	Quarter quarter;

	@BeforeEach
	void fixtures() {
		this.fixtures = new LearningFixtures(this.gates, this.tokens, this.metrics, this.jdbc);
		this.quarter = Quarter.of(LearningFixtures.today());
	}

	private MvcTestResult post(String path, String body, String bearer) {
		return this.mvc.post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult get(String path, String bearer) {
		return this.mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer).exchange();
	}

	private String okr(String objective) {
		return """
				{"period": "%s", "objective": "%s", "keyResults": [
				  {"metric": "first_response_accuracy_pct", "baseline": 85, "target": 92, "stretch": 95,
				   "deadline": "%s", "track": "TECHNICAL"},
				  {"metric": "renewal_rate_pct", "baseline": "51", "target": "61", "track": "commercial"}]}"""
			.formatted(this.quarter, objective, this.quarter.end());
	}

	@Test
	void statesAnObjectiveAndComputesProgressFromTheObservations() {
		String key = this.gates.prototype();
		this.fixtures.observe(key, "first_response_accuracy_pct", LearningFixtures.today(), "88.5");
		String explorer = this.fixtures.bearer("explorer");
		MvcTestResult created = post("/api/v1/prototypes/" + key + "/okrs",
				okr("Contract-risk recognition accuracy > 92 % in the quarter"), explorer);
		assertThat(created).hasStatus(201);
		assertThat(created).bodyJson().extractingPath("$.keyResults[0].current").isEqualTo(88.5);
		assertThat(created).bodyJson().extractingPath("$.keyResults[0].progress.progressPct").isEqualTo(50.0);
		assertThat(created).bodyJson().extractingPath("$.keyResults[0].unit").isEqualTo("%");
		assertThat(created).bodyJson().extractingPath("$.keyResults[1].track").isEqualTo("COMMERCIAL");
		assertThat(created).bodyJson()
			.extractingPath("$.keyResults[1].deadline")
			.isEqualTo(this.quarter.end().toString());
		assertThat(created).bodyJson().extractingPath("$.keyResults[1].progress.status").isEqualTo("NO_DATA");
		assertThat(created).bodyJson().extractingPath("$.status").isEqualTo("AT_RISK");
		long id = this.jdbc.sql("select id from okr where prototype_id = (select id from prototype where key = ?)")
			.param(key)
			.query(Long.class)
			.single();
		assertThat(this.fixtures.auditEvents("OKR_STATED", String.valueOf(id))).isEqualTo(1);

		// Each PM checks in for their own track; the history keeps both, newest first.
		String checkIns = "/api/v1/prototypes/" + key + "/okrs/" + id + "/check-ins";
		MvcTestResult technical = post(checkIns, "{\"confidence\": 8, \"note\": \"eval set grows\"}", explorer);
		assertThat(technical).hasStatus(201);
		assertThat(technical).bodyJson().extractingPath("$.track").isEqualTo("TECHNICAL");
		MvcTestResult commercial = post(checkIns, "{\"confidence\": 4, \"note\": \"two renewals slipped\"}",
				this.fixtures.bearer("deliverer"));
		assertThat(commercial).hasStatus(201);
		assertThat(commercial).bodyJson().extractingPath("$.track").isEqualTo("COMMERCIAL");

		MvcTestResult read = get("/api/v1/prototypes/" + key + "/okrs?period=" + this.quarter,
				this.fixtures.bearer("executive"));
		assertThat(read).hasStatusOk();
		assertThat(read).bodyJson().extractingPath("$[0].latestTechnical.confidence").isEqualTo(8);
		assertThat(read).bodyJson().extractingPath("$[0].latestCommercial.confidence").isEqualTo(4);
		assertThat(read).bodyJson().extractingPath("$[0].checkIns.length()").isEqualTo(2);
		assertThat(read).bodyJson().extractingPath("$[0].status").isEqualTo("AT_RISK");
		assertThat(this.fixtures.auditEvents("OKR_CHECKED_IN", String.valueOf(id))).isEqualTo(2);

		// Met beyond the target: 100 % and the way to the stretch.
		this.fixtures.observe(key, "renewal_rate_pct", LearningFixtures.today(), "62");
		this.fixtures.observe(key, "first_response_accuracy_pct", LearningFixtures.today(), "93.5");
		MvcTestResult met = get("/api/v1/prototypes/" + key + "/okrs", explorer);
		assertThat(met).bodyJson().extractingPath("$[0].keyResults[0].progress.progressPct").isEqualTo(100.0);
		assertThat(met).bodyJson().extractingPath("$[0].keyResults[0].progress.stretchPct").isEqualTo(50.0);
	}

	@Test
	void strangersOfTheSameRoleAreRefusedAndExecutivesOnlyRead() {
		String key = this.gates.prototype();
		MvcTestResult created = post("/api/v1/prototypes/" + key + "/okrs", okr("Shared"),
				this.fixtures.bearer("explorer"));
		assertThat(created).hasStatus(201);
		long id = this.jdbc.sql("select id from okr where prototype_id = (select id from prototype where key = ?)")
			.param(key)
			.query(Long.class)
			.single();
		String stranger = this.fixtures.bearer(this.gates.person("stranger", Role.EXPLORATION_PM));
		assertThat(get("/api/v1/prototypes/" + key + "/okrs", stranger)).hasStatus(403);
		assertThat(post("/api/v1/prototypes/" + key + "/okrs", okr("Taken over"), stranger)).hasStatus(403);
		MvcTestResult strangerCheckIn = post("/api/v1/prototypes/" + key + "/okrs/" + id + "/check-ins",
				"{\"confidence\": 1}", stranger);
		assertThat(strangerCheckIn).hasStatus(403);
		assertThat(strangerCheckIn).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);

		String executive = this.fixtures.bearer("executive");
		assertThat(get("/api/v1/prototypes/" + key + "/okrs", executive)).hasStatusOk();
		assertThat(post("/api/v1/prototypes/" + key + "/okrs", okr("Executive's"), executive)).hasStatus(403);

		// An admin may write too, naming the track they check in for.
		String admin = this.fixtures.bearer("admin");
		MvcTestResult noTrack = post("/api/v1/prototypes/" + key + "/okrs/" + id + "/check-ins", "{\"confidence\": 6}",
				admin);
		assertThat(noTrack).hasStatus(422);
		assertThat(noTrack).bodyJson().extractingPath("$.field").isEqualTo("track");
		assertThat(post("/api/v1/prototypes/" + key + "/okrs/" + id + "/check-ins",
				"{\"confidence\": 6, \"track\": \"COMMERCIAL\"}", admin))
			.hasStatus(201);
		assertThat(this.fixtures
			.count("select count(*) from okr where prototype_id = (select id from prototype" + " where key = ?)", key))
			.isEqualTo(1);
	}

	@Test
	void aRunningDelegateChecksInOnBehalfOfThePm() {
		String pm = this.gates.person("xpm", Role.EXPLORATION_PM);
		String delegate = this.gates.person("xdelegate", Role.EXPLORATION_PM);
		String key = this.gates.prototype(pm, "deliverer");
		assertThat(post("/api/v1/prototypes/" + key + "/okrs", okr("Delegated"), this.fixtures.bearer(pm)))
			.hasStatus(201);
		long id = this.jdbc.sql("select id from okr where prototype_id = (select id from prototype where key = ?)")
			.param(key)
			.query(Long.class)
			.single();
		String path = "/api/v1/prototypes/" + key + "/okrs/" + id + "/check-ins";
		assertThat(post(path, "{\"confidence\": 7}", this.fixtures.bearer(delegate))).as("before the delegation")
			.hasStatus(403);
		this.fixtures.delegate(pm, delegate, "TECHNICAL");
		MvcTestResult onBehalf = post(path, "{\"confidence\": 7}", this.fixtures.bearer(delegate));
		assertThat(onBehalf).hasStatus(201);
		assertThat(onBehalf).bodyJson().extractingPath("$.track").isEqualTo("TECHNICAL");
		assertThat(onBehalf).bodyJson().extractingPath("$.onBehalfOf").isEqualTo("Test " + pm);
	}

	@Test
	void badInputIsRefusedWithTheFieldNamedAndNothingSaved() {
		String key = this.gates.prototype();
		String explorer = this.fixtures.bearer("explorer");
		String path = "/api/v1/prototypes/" + key + "/okrs";
		assertField(post(path, okr("x").replace("first_response_accuracy_pct", "no_such_metric"), explorer),
				"keyResults[0].metric", "learning.metric.unknown");
		assertField(post(path, okr("x").replace("\"target\": 92", "\"target\": 120"), explorer), "keyResults[0].target",
				"learning.value.outOfRange");
		assertField(post(path, okr("x").replace("\"stretch\": 95", "\"stretch\": 90"), explorer),
				"keyResults[0].stretch", "okr.stretch.notBeyondTarget");
		assertField(post(path, okr("x").replace("\"target\": 92", "\"target\": 85"), explorer), "keyResults[0].target",
				"okr.target.equalsBaseline");
		assertField(post(path,
				okr("x").replace(this.quarter.end().toString(), this.quarter.end().plusDays(1).toString()), explorer),
				"keyResults[0].deadline", "okr.deadline.outsidePeriod");
		assertField(post(path, okr("x").replace("\"track\": \"commercial\"", "\"track\": \"SIDEWAYS\""), explorer),
				"keyResults[1].track", "learning.track.invalid");
		assertField(post(path, okr("x").replace(this.quarter.toString(), "Q3"), explorer), "period",
				"learning.quarter.invalid");
		assertField(post(path, okr("x").replace("\"baseline\": 85", "\"baseline\": 1e400"), explorer),
				"keyResults[0].baseline", "number.tooLarge");
		assertThat(post(path, "[]", explorer)).hasStatus(400);
		assertThat(post(path, "{not json", explorer)).hasStatus(400);
		assertThat(this.fixtures
			.count("select count(*) from okr where prototype_id = (select id from prototype" + " where key = ?)", key))
			.as("nothing half-saved")
			.isZero();

		assertThat(post(path, okr("Accurate"), explorer)).hasStatus(201);
		long id = this.jdbc.sql("select id from okr where prototype_id = (select id from prototype where key = ?)")
			.param(key)
			.query(Long.class)
			.single();
		assertField(post(path + "/" + id + "/check-ins", "{\"confidence\": 11}", explorer), "confidence",
				"learning.field.range");
		assertField(post(path + "/" + id + "/check-ins", "{\"confidence\": 5, \"date\": \"2999-01-01\"}", explorer),
				"date", "okr.checkIn.future");
		assertThat(post(path + "/999999/check-ins", "{\"confidence\": 5}", explorer)).hasStatus(404);
		assertThat(this.fixtures.count("select count(*) from okr_check_in where okr_id = ?", id)).isZero();
	}

	private static void assertField(MvcTestResult result, String field, String code) {
		assertThat(result).hasStatus(422);
		assertThat(result).bodyJson().extractingPath("$.field").isEqualTo(field);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
	}

}
