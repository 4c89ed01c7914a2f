package io.dualgate.alignment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.dualgate.IntegrationTest;
import io.dualgate.alignment.GatePerformanceFigures.GatePerformance;
import io.dualgate.gate.GateProperties;
import io.dualgate.people.ApiTokens;
import io.dualgate.people.People;
import io.dualgate.portfolio.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Gate performance, track scorecards and the maturity grid against figures computed here,
 * in Java, from the rows the test wrote (each test in its own vertical, so demo data and
 * other tests stay out). Gates and signatures are written straight into their tables with
 * chosen timestamps: the schema allows inserting them (the triggers only refuse edits and
 * four-eyes breaches), and chosen times make the expected hours exact.
 */
@IntegrationTest
class AlignmentGateAndGridTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	People people;

	@Autowired
	Clock clock;

	@Autowired
	DashboardDataVersion dataVersion;

	private final JsonMapper json = JsonMapper.builder().build();

	private AlignmentFixtures fixtures;

	private long explorer;

	private long deliverer;

	@BeforeEach
	void setUp() {
		this.fixtures = new AlignmentFixtures(this.jdbc);
		this.explorer = this.people.findByUsername("explorer").orElseThrow().id();
		this.deliverer = this.people.findByUsername("deliverer").orElseThrow().id();
	}

	@Test
	void gateResponseTimesTracksOverdueAndScorecardsMatchTheRows() throws Exception {
		String vertical = AlignmentFixtures.uniqueVertical();
		Instant now = this.clock.instant();
		Instant registered = now.minus(Duration.ofDays(200));
		Instant base = now.minus(Duration.ofDays(40)).truncatedTo(ChronoUnit.HOURS);
		// three decided gates: decision after 10, 60 and 100 hours
		long g1 = gate(this.fixtures.prototype(vertical, "PROTOTYPE", registered), base, 48, "APPROVED", 10);
		signature(g1, "TECHNICAL", this.explorer, base.plus(Duration.ofHours(4)), "APPROVE", true);
		signature(g1, "COMMERCIAL", this.deliverer, base.plus(Duration.ofHours(10)), "APPROVE", true);
		Instant base2 = base.plus(Duration.ofDays(1));
		long g2 = gate(this.fixtures.prototype(vertical, "PROTOTYPE", registered), base2, 48, "REJECTED", 60);
		// signed, invalidated by a changed answer, signed again
		signature(g2, "TECHNICAL", this.explorer, base2.plus(Duration.ofHours(5)), "APPROVE", false);
		signature(g2, "TECHNICAL", this.explorer, base2.plus(Duration.ofHours(20)), "APPROVE", true);
		signature(g2, "COMMERCIAL", this.deliverer, base2.plus(Duration.ofHours(60)), "REJECT", true);
		Instant base3 = base.plus(Duration.ofDays(2));
		long g3 = gate(this.fixtures.prototype(vertical, "PROTOTYPE", registered), base3, 48, "APPROVED", 100);
		signature(g3, "TECHNICAL", this.explorer, base3.plus(Duration.ofHours(30)), "APPROVE", true);
		signature(g3, "COMMERCIAL", this.deliverer, base3.plus(Duration.ofHours(100)), "APPROVE", true);
		// open: one past its 48 h SLA, one within it
		long overdue = gate(this.fixtures.prototype(vertical, "PROTOTYPE", registered),
				now.minus(Duration.ofHours(100)), 48, "OPEN", null);
		gate(this.fixtures.prototype(vertical, "PROTOTYPE", registered), now.minus(Duration.ofHours(2)), 48, "OPEN",
				null);

		// Expectations from the rows as stored.
		List<Double> decisionHours = hours("""
				select extract(epoch from decided_at - opened_at) / 3600.0 from gate g
				join prototype p on p.id = g.prototype_id where p.vertical = ? and g.decided_at is not null""",
				vertical);
		List<Double> technicalHours = hours("""
				select extract(epoch from s.signed_at - g.opened_at) / 3600.0 from gate g
				join prototype p on p.id = g.prototype_id join gate_signature s on s.gate_id = g.id
				where p.vertical = ? and s.valid and s.track = 'TECHNICAL'""", vertical);
		List<Double> commercialHours = hours("""
				select extract(epoch from s.signed_at - g.opened_at) / 3600.0 from gate g
				join prototype p on p.id = g.prototype_id join gate_signature s on s.gate_id = g.id
				where p.vertical = ? and s.valid and s.track = 'COMMERCIAL'""", vertical);
		assertThat(decisionHours).containsExactlyInAnyOrder(10.0, 60.0, 100.0);

		JsonNode gates = api("/api/v1/alignment?vertical={v}", vertical).get("gatePerformance");
		assertThat(gates.get("decided").asLong()).isEqualTo(3);
		assertThat(gates.get("medianHoursToDecision").asDouble()).isCloseTo(percentile(decisionHours, 0.5),
				within(1e-9));
		assertThat(gates.get("p90HoursToDecision").asDouble()).isCloseTo(percentile(decisionHours, 0.9), within(1e-9));
		assertThat(percentile(decisionHours, 0.9)).isCloseTo(92.0, within(1e-9));
		assertThat(gates.get("slaHours").asInt()).isEqualTo(48);
		assertThat(gates.get("decidedWithinSlaPct").asDouble()).isCloseTo(share(decisionHours, 48), within(1e-9));
		assertThat(gates.get("decidedWithin72hPct").asDouble()).isCloseTo(share(decisionHours, 72), within(1e-9));
		assertThat(gates.get("openOverdue").asLong()).isEqualTo(1);
		assertThat(gates.get("overdue").get(0).get("gateId").asLong()).isEqualTo(overdue);

		Map<String, JsonNode> tracks = new TreeMap<>();
		gates.get("tracks").forEach((row) -> tracks.put(row.get("track").asString(), row));
		assertThat(tracks.get("TECHNICAL").get("n").asLong()).isEqualTo(technicalHours.size());
		assertThat(tracks.get("TECHNICAL").get("medianHours").asDouble()).isCloseTo(percentile(technicalHours, 0.5),
				within(1e-9));
		assertThat(tracks.get("COMMERCIAL").get("medianHours").asDouble()).isCloseTo(percentile(commercialHours, 0.5),
				within(1e-9));
		assertThat(gates.get("bottleneckTrack").asString()).isEqualTo("COMMERCIAL");

		// per month of opening, the decision track
		Map<String, List<Double>> byMonth = new TreeMap<>();
		this.jdbc.sql("""
				select opened_at, extract(epoch from decided_at - opened_at) / 3600.0 from gate g
				join prototype p on p.id = g.prototype_id where p.vertical = ? and g.decided_at is not null""")
			.param(vertical)
			.query((rs, i) -> {
				String month = YearMonth.from(rs.getTimestamp(1).toInstant().atZone(ZoneOffset.UTC)).toString();
				return byMonth.computeIfAbsent(month, (m) -> new ArrayList<>()).add(rs.getDouble(2));
			})
			.list();
		Map<String, JsonNode> gateRows = new TreeMap<>();
		gates.get("rows").forEach((row) -> {
			if ("GATE".equals(row.get("track").asString())) {
				gateRows.put(row.get("month").asString(), row);
			}
		});
		assertThat(gateRows.keySet()).isEqualTo(byMonth.keySet());
		byMonth.forEach((month, values) -> {
			assertThat(gateRows.get(month).get("n").asLong()).isEqualTo(values.size());
			assertThat(gateRows.get(month).get("medianHours").asDouble()).isCloseTo(percentile(values, 0.5),
					within(1e-9));
		});

		// Exploration PM: 3 technical tracks signed, g2's was invalidated once
		JsonNode exploration = gates.get("explorationPms");
		assertThat(exploration).hasSize(1);
		assertThat(exploration.get(0).get("pmId").asLong()).isEqualTo(this.explorer);
		assertThat(exploration.get(0).get("technicalTracksSigned").asLong()).isEqualTo(3);
		assertThat(exploration.get(0).get("approvedWithoutInvalidation").asLong()).isEqualTo(2);
		assertThat(exploration.get(0).get("passRatePct").asDouble()).isCloseTo(200.0 / 3, within(1e-9));
	}

	@Test
	void deliveryScorecardAveragesEachPrototypesLatestRenewalRate() throws Exception {
		String vertical = AlignmentFixtures.uniqueVertical();
		Instant now = this.clock.instant();
		Instant registered = now.minus(Duration.ofDays(200));
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		long a = this.fixtures.prototype(vertical, "PRODUCTION", registered);
		long b = this.fixtures.prototype(vertical, "PRODUCTION", registered);
		this.fixtures.observe(a, "renewal_rate_pct", today.minusDays(30), new BigDecimal("50"));
		this.fixtures.observe(a, "renewal_rate_pct", today.minusDays(3), new BigDecimal("80"));
		this.fixtures.observe(b, "renewal_rate_pct", today.minusDays(10), new BigDecimal("90"));
		// a gate, so that the section has figures at all
		gate(a, now.minus(Duration.ofDays(5)), 48, "APPROVED", 20);

		JsonNode delivery = api("/api/v1/alignment?vertical={v}", vertical).get("gatePerformance").get("deliveryPms");
		assertThat(delivery).hasSize(1);
		assertThat(delivery.get(0).get("pmId").asLong()).isEqualTo(this.deliverer);
		assertThat(delivery.get(0).get("prototypes").asLong()).isEqualTo(2);
		assertThat(delivery.get(0).get("renewalRatePct").asDouble()).isCloseTo(85.0, within(1e-9));

		// a newer value is seen at once: the cached figures are invalidated by the new
		// observation
		this.fixtures.observe(b, "renewal_rate_pct", today.minusDays(1), new BigDecimal("70"));
		delivery = api("/api/v1/alignment?vertical={v}", vertical).get("gatePerformance").get("deliveryPms");
		assertThat(delivery.get(0).get("renewalRatePct").asDouble()).isCloseTo(75.0, within(1e-9));
	}

	@Test
	void gridCountsTheLatestAssessmentOfEachPrototypeAndFollowsNewAssessments() throws Exception {
		String vertical = AlignmentFixtures.uniqueVertical();
		Instant registered = this.clock.instant().minus(Duration.ofDays(200));
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		long p1 = this.fixtures.prototype(vertical, "POC", registered);
		long p2 = this.fixtures.prototype(vertical, "PILOT", registered);
		this.fixtures.prototype(vertical, "PROTOTYPE", registered); // never assessed
		assess(p1, today.minusDays(60), 1, 1, 1);
		assess(p1, today.minusDays(10), 2, 3, 1);
		assess(p2, today.minusDays(20), 3, 3, 2);

		JsonNode grid = api("/api/v1/alignment?vertical={v}", vertical).get("maturityGrid");
		assertThat(grid.get("assessed").asLong()).isEqualTo(2);
		assertThat(counts(grid)).isEqualTo(new long[][] { { 0, 1, 1 }, { 0, 0, 2 }, { 1, 1, 0 } });

		// the same day twice: the later entry wins; the cache must not hide it
		assess(p2, today.minusDays(20), 1, 2, 3);
		grid = api("/api/v1/alignment?vertical={v}", vertical).get("maturityGrid");
		assertThat(counts(grid)).isEqualTo(new long[][] { { 1, 1, 0 }, { 0, 1, 1 }, { 1, 0, 1 } });

		// a window ending before the latest assessment shows the state back then
		JsonNode earlier = api("/api/v1/alignment?vertical={v}&from={f}&to={t}", vertical, today.minusDays(100),
				today.minusDays(30))
			.get("maturityGrid");
		assertThat(earlier.get("assessed").asLong()).isEqualTo(1);
		assertThat(counts(earlier)).isEqualTo(new long[][] { { 1, 0, 0 }, { 1, 0, 0 }, { 1, 0, 0 } });

		// nothing assessed in another vertical: no grid
		assertThat(
				api("/api/v1/alignment?vertical={v}", AlignmentFixtures.uniqueVertical()).get("maturityGrid").isNull())
			.isTrue();
	}

	@Test
	@WithUserDetails("executive")
	void executiveSeesGateChartsTablesOverdueLinksAndTheHeatMap() throws Exception {
		String vertical = AlignmentFixtures.uniqueVertical();
		Instant now = this.clock.instant();
		long prototype = this.fixtures.prototype(vertical, "PROTOTYPE", now.minus(Duration.ofDays(100)));
		long overdue = gate(prototype, now.minus(Duration.ofHours(80)), 48, "OPEN", null);
		assess(prototype, LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1), 2, 2, 2);
		MvcTestResult result = this.mvc.get().uri("/alignment?vertical={v}", vertical).exchange();
		assertThat(result).hasStatusOk();
		String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("id=\"gate-chart\"", "id=\"gate-performance-table\"", "id=\"gate-tracks-table\"",
				"id=\"gate-overdue-table\"", "href=\"/gates/" + overdue + "\"", "id=\"exploration-scorecard\"",
				"id=\"delivery-scorecard\"", "id=\"grid-chart\"", "id=\"maturity-grid-table\"");
		assertThat(html).containsPattern("data-dimension=\"1\" data-level=\"2\"[^>]*>1<");
		assertThat(html).doesNotContain("<script>").doesNotContain("style=\"");
		assertThat(this.mvc.get().uri("/alignment?vertical={v}&lang=zh-CN", vertical)).hasStatusOk()
			.bodyText()
			.contains("门禁效率", "交付轨PM：首年续约率");
	}

	@Test
	void dataVersionMovesWithEveryChangeTheDashboardReadsButNotWithLoginCounters() {
		// PostgreSQL keeps microseconds (and rounds): compare at the precision it stores.
		Instant now = this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		long before = this.dataVersion.state(now).version();
		long prototype = this.fixtures.prototype(AlignmentFixtures.uniqueVertical(), "PROTOTYPE",
				now.minus(Duration.ofDays(10)));
		long afterPrototype = this.dataVersion.state(now).version();
		assertThat(afterPrototype).isGreaterThan(before);
		// a gate opened 47 h ago with a 48 h SLA becomes overdue in an hour: cached
		// figures expire then
		Instant opened = now.minus(Duration.ofHours(47));
		gate(prototype, opened, 48, "OPEN", null);
		DashboardDataVersion.State state = this.dataVersion.state(now);
		assertThat(state.version()).isGreaterThan(afterPrototype);
		assertThat(state.validUntil()).isBeforeOrEqualTo(opened.plus(Duration.ofHours(48)));
		this.jdbc.sql(
				"update app_user set failed_attempts = failed_attempts, full_name = full_name where username = 'admin'")
			.update();
		assertThat(this.dataVersion.state(now).version()).isEqualTo(state.version());
		this.dataVersion.compact();
		assertThat(this.dataVersion.state(now).version()).isEqualTo(state.version());
		// one row per scope, and the newest row (kept as it was)
		assertThat(this.dataVersion.state(now).logRows()).isLessThanOrEqualTo(state.versions().size() + 1);
	}

	@Test
	void decisionsAreMeasuredAgainstTheConfiguredSlaOfTheirTransition() {
		// what dualgate.gate.sla-hours=24 and dualgate.gate.sla-hours-by-stage.POC=36
		// bind to
		GateProperties sla = new Binder(new MapConfigurationPropertySource(
				Map.of("dualgate.gate.sla-hours", "24", "dualgate.gate.sla-hours-by-stage.POC", "36")))
			.bind("dualgate.gate", GateProperties.class)
			.get();
		assertThat(sla.slaHoursFor(Stage.PROTOTYPE)).isEqualTo(24);
		assertThat(sla.slaHoursFor(Stage.POC)).isEqualTo(36);
		String vertical = AlignmentFixtures.uniqueVertical();
		Instant now = this.clock.instant();
		Instant registered = now.minus(Duration.ofDays(200));
		Instant base = now.minus(Duration.ofDays(20)).truncatedTo(ChronoUnit.HOURS);
		// prototype -> POC: 20 h (within 24), 30 h (over 24); POC -> pilot: 30 h (within
		// 36), 40 h (over 36). Against the default 48 h all four would be within.
		gate(this.fixtures.prototype(vertical, "PROTOTYPE", registered), "PROTOTYPE", "POC", base, "APPROVED", 20);
		gate(this.fixtures.prototype(vertical, "PROTOTYPE", registered), "PROTOTYPE", "POC", base, "APPROVED", 30);
		gate(this.fixtures.prototype(vertical, "POC", registered), "POC", "PILOT", base, "APPROVED", 30);
		gate(this.fixtures.prototype(vertical, "POC", registered), "POC", "PILOT", base, "REJECTED", 40);
		AlignmentFilter filter = AlignmentFilter.of(null, null, null, vertical, null, this.clock);

		GatePerformance configured = new SqlGatePerformanceFigures(this.jdbc, sla).compute(filter, now).orElseThrow();
		assertThat(configured.slaHours()).isEqualTo(24);
		assertThat(configured.decidedWithinSlaPct()).isCloseTo(50.0, within(1e-9));
		Map<String, GatePerformance.Transition> transitions = new TreeMap<>();
		configured.transitions().forEach((t) -> transitions.put(t.fromStage(), t));
		assertThat(transitions.keySet()).containsExactlyInAnyOrder("PROTOTYPE", "POC", "PILOT");
		assertThat(transitions.get("PROTOTYPE").slaHours()).isEqualTo(24);
		assertThat(transitions.get("PROTOTYPE").decided()).isEqualTo(2);
		assertThat(transitions.get("PROTOTYPE").withinSlaPct()).isCloseTo(50.0, within(1e-9));
		assertThat(transitions.get("POC").slaHours()).isEqualTo(36);
		assertThat(transitions.get("POC").medianHours()).isCloseTo(35.0, within(1e-9));
		assertThat(transitions.get("POC").withinSlaPct()).isCloseTo(50.0, within(1e-9));
		assertThat(transitions.get("PILOT").slaHours()).isEqualTo(24);
		assertThat(transitions.get("PILOT").decided()).isZero();

		GatePerformance defaults = new SqlGatePerformanceFigures(this.jdbc,
				new GateProperties(java.time.Duration.ofHours(48), Map.of()))
			.compute(filter, now)
			.orElseThrow();
		assertThat(defaults.slaHours()).isEqualTo(48);
		assertThat(defaults.decidedWithinSlaPct()).isCloseTo(100.0, within(1e-9));
	}

	@Test
	void anonymousGetsNeitherThePageNorTheFigures() {
		assertThat(this.mvc.get().uri("/alignment")).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/api/v1/alignment")).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void everyReaderRoleGetsTheFigures() throws Exception {
		for (String user : List.of("executive", "explorer", "deliverer", "admin")) {
			assertThat(apiAs(user, "/api/v1/alignment").has("gatePerformance")).as(user).isTrue();
		}
	}

	// --- helpers

	private long gate(long prototypeId, String from, String to, Instant openedAt, String status,
			int decidedAfterHours) {
		long id = gate(prototypeId, openedAt, 48, status, decidedAfterHours);
		this.jdbc.sql("update gate set from_stage = ?, to_stage = ? where id = ?").params(from, to, id).update();
		return id;
	}

	private long gate(long prototypeId, Instant openedAt, int slaHours, String status, Integer decidedAfterHours) {
		long technical = template("TECHNICAL");
		long commercial = template("COMMERCIAL");
		Instant decidedAt = (decidedAfterHours != null) ? openedAt.plus(Duration.ofHours(decidedAfterHours)) : null;
		return this.jdbc.sql("""
				insert into gate (prototype_id, from_stage, to_stage, status, technical_template_id,
				                  technical_template_version, commercial_template_id, commercial_template_version,
				                  opened_at, opened_by, sla_hours, decided_at, decision_reason, last_changed_at)
				values (?, 'PROTOTYPE', 'POC', ?, ?, (select version from checklist_template where id = ?), ?,
				        (select version from checklist_template where id = ?), ?, ?, ?, ?, ?, ?) returning id""")
			.params(prototypeId, status, technical, technical, commercial, commercial, Timestamp.from(openedAt),
					this.explorer, slaHours, (decidedAt != null) ? Timestamp.from(decidedAt) : null,
					"REJECTED".equals(status) ? "not ready" : null,
					Timestamp.from((decidedAt != null) ? decidedAt : openedAt))
			.query(Long.class)
			.single();
	}

	private long template(String track) {
		return this.jdbc.sql("""
				select id from checklist_template where from_stage = 'PROTOTYPE' and track = ?
				order by version desc limit 1""").param(track).query(Long.class).single();
	}

	private void signature(long gateId, String track, long signer, Instant at, String meaning, boolean valid) {
		long template = template(track);
		this.jdbc
			.sql("""
					insert into gate_signature (gate_id, track, signer_id, signer_name, signed_at, meaning, meaning_text,
					                            reason, template_id, template_version, content_hash, valid,
					                            invalidated_at, invalidated_by, invalidation_reason)
					values (?, ?, ?, 'Test signer', ?, ?, 'test', ?, ?, (select version from checklist_template where id = ?),
					        repeat('a', 64), ?, ?, ?, ?)""")
			.params(gateId, track, signer, Timestamp.from(at), meaning, "REJECT".equals(meaning) ? "no" : null,
					template, template, valid, valid ? null : Timestamp.from(at.plus(Duration.ofHours(1))),
					valid ? null : "test", valid ? null : "answer changed")
			.update();
	}

	private void assess(long prototypeId, LocalDate on, int technical, int value, int compliance) {
		this.jdbc.sql("""
				insert into maturity_assessment (prototype_id, assessed_on, technical_level, value_level,
				                                 compliance_level, assessor_id, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(prototypeId, java.sql.Date.valueOf(on), technical, value, compliance, this.explorer,
					Timestamp.from(this.clock.instant()))
			.update();
	}

	private List<Double> hours(String sql, String vertical) {
		return this.jdbc.sql(sql).param(vertical).query(Double.class).list();
	}

	/** percentile_cont: linear interpolation between the closest ranks. */
	private static double percentile(List<Double> values, double fraction) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		double position = fraction * (sorted.size() - 1);
		int lower = (int) Math.floor(position);
		int upper = (int) Math.ceil(position);
		return sorted.get(lower) + (position - lower) * (sorted.get(upper) - sorted.get(lower));
	}

	private static double share(List<Double> values, double limitHours) {
		return 100.0 * values.stream().filter((v) -> v <= limitHours).count() / values.size();
	}

	private static long[][] counts(JsonNode grid) {
		long[][] counts = new long[3][3];
		for (int d = 0; d < 3; d++) {
			for (int l = 0; l < 3; l++) {
				counts[d][l] = grid.get("counts").get(d).get(l).asLong();
			}
		}
		return counts;
	}

	private JsonNode api(String uri, Object... variables) throws Exception {
		return apiAs("executive", uri, variables);
	}

	private JsonNode apiAs(String user, String uri, Object... variables) throws Exception {
		String token = this.tokens.create(this.people.findByUsername(user).orElseThrow().id(), "gate figures test");
		MvcTestResult result = this.mvc.get()
			.uri(uri, variables)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange();
		assertThat(result).hasStatusOk();
		return this.json.readTree(result.getResponse().getContentAsString());
	}

}
