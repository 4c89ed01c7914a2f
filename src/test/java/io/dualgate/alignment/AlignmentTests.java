package io.dualgate.alignment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.dualgate.IntegrationTest;
import io.dualgate.people.ApiTokens;
import io.dualgate.people.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@IntegrationTest
class AlignmentTests {

	private static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);

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

	private final JsonMapper json = JsonMapper.builder().build();

	private AlignmentFixtures fixtures;

	@BeforeEach
	void setUp() {
		this.fixtures = new AlignmentFixtures(this.jdbc);
	}

	@Test
	void apiReportsTheCorrelationAndSlopeComputedIndependentlyFromTheObservations() throws Exception {
		String vertical = AlignmentFixtures.uniqueVertical();
		Instant registered = this.clock.instant().minus(Duration.ofDays(500));
		Random random = new Random(42);
		List<Long> prototypes = List.of(this.fixtures.prototype(vertical, "PROTOTYPE", registered),
				this.fixtures.prototype(vertical, "POC", registered));
		// Daily observations over 12 weeks, some days missing, business following
		// technical with a
		// one-week lag plus noise.
		Map<String, BigDecimal> stored = new TreeMap<>();
		for (long prototype : prototypes) {
			for (int day = 0; day < 84; day++) {
				LocalDate date = MONDAY.plusDays(day);
				if (random.nextInt(5) == 0) {
					continue;
				}
				BigDecimal benchmark = BigDecimal.valueOf(60 + day * 0.2 + random.nextGaussian() * 3)
					.setScale(3, RoundingMode.HALF_UP);
				BigDecimal completion = BigDecimal.valueOf(70 + (day - 7) * 0.15 + random.nextGaussian() * 2)
					.setScale(3, RoundingMode.HALF_UP);
				BigDecimal latency = BigDecimal.valueOf(400 - day * 1.5 + random.nextGaussian() * 20)
					.setScale(1, RoundingMode.HALF_UP);
				BigDecimal nps = BigDecimal.valueOf(20 + day * 0.3 + random.nextGaussian() * 4)
					.setScale(2, RoundingMode.HALF_UP);
				record(stored, prototype, "benchmark_score", date, benchmark);
				record(stored, prototype, "task_completion_rate_pct", date, completion);
				record(stored, prototype, "rag_latency_p95_ms", date, latency);
				record(stored, prototype, "nps", date, nps);
			}
			// a replaced value must count with its new value only
			record(stored, prototype, "benchmark_score", MONDAY.plusDays(10), new BigDecimal("99.5"));
		}
		String token = token("executive");
		for (int lag : new int[] { 0, 1 }) {
			JsonNode report = api(token, "/api/v1/alignment?vertical={v}&from=2025-03-03&to=2025-05-25&lagWeeks=" + lag,
					vertical);
			for (JsonNode pair : report.get("pairs")) {
				JsonNode definition = pair.get("pair");
				Transform techTransform = Transform.valueOf(definition.get("technicalTransform").asString());
				Transform businessTransform = Transform.valueOf(definition.get("businessTransform").asString());
				String techMetric = definition.get("technicalMetric").asString();
				String businessMetric = definition.get("businessMetric").asString();
				if (!List.of("benchmark_score", "rag_latency_p95_ms").contains(techMetric)) {
					continue;
				}
				List<double[]> points = new ArrayList<>();
				for (long prototype : prototypes) {
					Map<LocalDate, Double> tech = series(weeklyMeans(stored, prototype, techMetric), techTransform);
					Map<LocalDate, Double> business = series(weeklyMeans(stored, prototype, businessMetric),
							businessTransform);
					business.forEach((week, y) -> {
						Double x = tech.get(week.minusWeeks(lag));
						if (x != null && !week.isBefore(MONDAY) && !week.isAfter(LocalDate.of(2025, 5, 19))) {
							points.add(new double[] { x, y });
						}
					});
				}
				JsonNode portfolio = pair.get("portfolio");
				assertThat(portfolio.get("n").asLong()).as(techMetric + " lag " + lag).isEqualTo(points.size());
				assertThat(points.size()).isGreaterThan(10);
				assertThat(portfolio.get("pearsonR").asDouble()).isCloseTo(pearson(points), within(1e-6));
				assertThat(portfolio.get("slope").asDouble()).isCloseTo(slope(points), within(1e-6));
				assertThat(portfolio.get("status").asString()).isIn("MET", "NOT_MET");
				assertThat(portfolio.get("pValue").isNumber()).isTrue();
				assertThat(portfolio.get("ciLow").asDouble()).isLessThan(portfolio.get("pearsonR").asDouble());
				assertThat(pair.get("prototypes")).hasSize(2);
			}
		}
	}

	@Test
	void forTheDemoDataTheApiFiguresEqualThoseComputedFromTheObservationsItReturns() throws Exception {
		String token = token("executive");
		LocalDate thisWeek = AlignmentFilter.weekStart(LocalDate.now(this.clock));
		LocalDate from = thisWeek.minusWeeks(26);
		LocalDate to = thisWeek.minusDays(1);
		JsonNode report = api(token, "/api/v1/alignment?from={from}&to={to}&lagWeeks=0", from, to);
		List<String> demo = List.of("CONTRACT-RISK", "SUPPORT-DRAFTS", "CLAIMS-TRIAGE", "INVOICE-MATCH",
				"CLINICAL-NOTES", "SALES-COACH");
		int checked = 0;
		for (JsonNode pair : report.get("pairs")) {
			JsonNode definition = pair.get("pair");
			if (!definition.get("technicalTransform").asString().equals("LEVEL")
					|| !definition.get("businessTransform").asString().equals("LEVEL")) {
				continue;
			}
			String techMetric = definition.get("technicalMetric").asString();
			String businessMetric = definition.get("businessMetric").asString();
			for (JsonNode prototype : pair.get("prototypes")) {
				String key = prototype.get("key").asString();
				if (!demo.contains(key)) {
					continue;
				}
				// What the API returns as observations is the only input of the
				// independent figure.
				Map<String, BigDecimal> stored = new TreeMap<>();
				for (String metric : List.of(techMetric, businessMetric)) {
					for (JsonNode observation : api(token,
							"/api/v1/prototypes/{key}/observations?metric={metric}&from={from}&to={to}", key, metric,
							from, to)) {
						stored.put("0|" + metric + "|" + observation.get("date").asString(),
								observation.get("value").decimalValue());
					}
				}
				Map<LocalDate, Double> tech = weeklyMeans(stored, 0, techMetric);
				List<double[]> points = new ArrayList<>();
				weeklyMeans(stored, 0, businessMetric).forEach((week, y) -> {
					Double x = tech.get(week);
					if (x != null) {
						points.add(new double[] { x, y });
					}
				});
				JsonNode statistics = prototype.get("statistics");
				assertThat(statistics.get("n").asLong()).as(key + " " + techMetric).isEqualTo(points.size());
				assertThat(statistics.get("pearsonR").asDouble()).as(key + " r")
					.isCloseTo(pearson(points), within(1e-6));
				assertThat(statistics.get("slope").asDouble()).as(key + " slope")
					.isCloseTo(slope(points), within(1e-6));
				checked++;
			}
		}
		// Two level-to-level pairs over the six demo prototypes.
		assertThat(checked).isEqualTo(12);
	}

	@Test
	void spearmanUsesAverageRanksForTies() throws Exception {
		String vertical = AlignmentFixtures.uniqueVertical();
		long prototype = this.fixtures.prototype(vertical, "PROTOTYPE", this.clock.instant());
		double[] x = { 1, 2, 2, 3, 4 };
		double[] y = { 5, 6, 7, 7, 9 };
		for (int week = 0; week < x.length; week++) {
			this.fixtures.observe(prototype, "benchmark_score", MONDAY.plusWeeks(week), BigDecimal.valueOf(x[week]));
			this.fixtures.observe(prototype, "task_completion_rate_pct", MONDAY.plusWeeks(week),
					BigDecimal.valueOf(y[week]));
		}
		JsonNode report = api(token("executive"), "/api/v1/alignment?vertical={v}&from=2025-03-03&to=2025-04-06",
				vertical);
		JsonNode portfolio = report.get("pairs").get(0).get("portfolio");
		// SciPy: spearmanr([1,2,2,3,4],[5,6,7,7,9]) = 0.9210526315789475
		assertThat(portfolio.get("spearmanRho").asDouble()).isCloseTo(0.9210526315789475, within(1e-9));
		assertThat(portfolio.get("n").asLong()).isEqualTo(5);
	}

	@Test
	@WithUserDetails("executive")
	void fewerThanThreePairedWeeksSayTooFewPoints() throws Exception {
		String vertical = AlignmentFixtures.uniqueVertical();
		long prototype = this.fixtures.prototype(vertical, "PROTOTYPE", this.clock.instant());
		for (int week = 0; week < 2; week++) {
			this.fixtures.observe(prototype, "benchmark_score", MONDAY.plusWeeks(week), BigDecimal.valueOf(70 + week));
			this.fixtures.observe(prototype, "task_completion_rate_pct", MONDAY.plusWeeks(week),
					BigDecimal.valueOf(80 + week));
		}
		JsonNode portfolio = api(token("executive"), "/api/v1/alignment?vertical={v}&from=2025-03-03&to=2025-04-06",
				vertical)
			.get("pairs")
			.get(0)
			.get("portfolio");
		assertThat(portfolio.get("n").asLong()).isEqualTo(2);
		assertThat(portfolio.get("status").asString()).isEqualTo("TOO_FEW_POINTS");
		assertThat(portfolio.get("pearsonR").isNull()).isTrue();
		assertThat(portfolio.get("message").asString()).contains("Too few points");
		assertThat(this.mvc.get().uri("/alignment?vertical={v}&from=2025-03-03&to=2025-04-06", vertical)).hasStatusOk()
			.bodyText()
			.contains("Too few points: 2 paired week(s)");
	}

	@Test
	void rollupsFollowInsertsUpsertReplacementsUpdatesAndDeletes() {
		String vertical = AlignmentFixtures.uniqueVertical();
		long prototype = this.fixtures.prototype(vertical, "PROTOTYPE", this.clock.instant());
		// bulk insert (one statement, many rows)
		this.jdbc.sql("""
				insert into observation (prototype_id, metric_key, observed_on, value, source)
				select ?, 'nps', d::date, extract(day from d), 'CSV'
				from generate_series(date '2025-03-03', date '2025-03-30', interval '1 day') d""")
			.param(prototype)
			.update();
		assertRollupsMatchObservations(prototype);
		assertThat(weekly(prototype, "2025-03-03")).containsExactly(3.0 + 4 + 5 + 6 + 7 + 8 + 9, 7.0);
		// an upsert that replaces one value and inserts another in the same statement
		this.jdbc.sql("""
				insert into observation (prototype_id, metric_key, observed_on, value, source)
				values (?, 'nps', date '2025-03-04', 100, 'API'), (?, 'nps', date '2025-03-31', 50, 'API')
				on conflict (prototype_id, metric_key, observed_on) do update set value = excluded.value""")
			.params(prototype, prototype)
			.update();
		assertRollupsMatchObservations(prototype);
		assertThat(weekly(prototype, "2025-03-03")).containsExactly(138.0, 7.0);
		assertThat(weekly(prototype, "2025-03-31")).containsExactly(50.0, 1.0);
		// an update that moves a day into another week
		this.jdbc
			.sql("update observation set observed_on = date '2025-04-01' where prototype_id = ?"
					+ " and metric_key = 'nps' and observed_on = date '2025-03-30'")
			.param(prototype)
			.update();
		assertRollupsMatchObservations(prototype);
		// deleting one day, then a whole week: the emptied week disappears
		this.jdbc.sql("delete from observation where prototype_id = ? and observed_on = date '2025-03-05'")
			.param(prototype)
			.update();
		assertRollupsMatchObservations(prototype);
		this.jdbc.sql("delete from observation where prototype_id = ? and observed_on >= date '2025-03-31'")
			.param(prototype)
			.update();
		assertRollupsMatchObservations(prototype);
		assertThat(this.jdbc
			.sql("select count(*) from observation_weekly where prototype_id = ?"
					+ " and week_start = date '2025-03-31'")
			.param(prototype)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void funnelCountsStagesConversionsAndBenchmarksForAKnownHistory() throws Exception {
		String vertical = AlignmentFixtures.uniqueVertical();
		Instant now = this.clock.instant();
		long a = this.fixtures.prototype(vertical, "PRODUCTION", now.minus(Duration.ofDays(400)));
		advance(a, now.minus(Duration.ofDays(400)), 6, "POC", "PILOT", "PRODUCTION");
		long b = this.fixtures.prototype(vertical, "KILLED", now.minus(Duration.ofDays(380)));
		advance(b, now.minus(Duration.ofDays(380)), 10, "POC", "PILOT");
		this.fixtures.stageChange(b, "PILOT", "KILLED", now.minus(Duration.ofDays(100)));
		long c = this.fixtures.prototype(vertical, "POC", now.minus(Duration.ofDays(100)));
		advance(c, now.minus(Duration.ofDays(100)), 8, "POC");
		this.fixtures.prototype(vertical, "PROTOTYPE", now.minus(Duration.ofDays(30)));

		JsonNode flow = api(token("executive"), "/api/v1/alignment?vertical={v}", vertical).get("flow");
		assertThat(flow.get("currentByStage").get("PROTOTYPE").asLong()).isEqualTo(1);
		assertThat(flow.get("currentByStage").get("POC").asLong()).isEqualTo(1);
		assertThat(flow.get("currentByStage").get("PILOT").asLong()).isZero();
		assertThat(flow.get("currentByStage").get("PRODUCTION").asLong()).isEqualTo(1);
		assertThat(flow.get("currentByStage").get("KILLED").asLong()).isEqualTo(1);
		assertThat(flow.get("reachedByStage").get("PROTOTYPE").asLong()).isEqualTo(4);
		assertThat(flow.get("reachedByStage").get("POC").asLong()).isEqualTo(3);
		assertThat(flow.get("reachedByStage").get("PILOT").asLong()).isEqualTo(2);
		assertThat(flow.get("reachedByStage").get("PRODUCTION").asLong()).isEqualTo(1);
		assertThat(flow.get("conversions").get(0).get("percent").asDouble()).isCloseTo(75.0, within(1e-9));
		assertThat(flow.get("conversions").get(1).get("percent").asDouble()).isCloseTo(200.0 / 3, within(1e-9));
		assertThat(flow.get("conversions").get(2).get("percent").asDouble()).isCloseTo(50.0, within(1e-9));
		// registered 12+ months ago: a (in production after 6 + 2 + 2 weeks) and b
		// (never): 1 of 2
		assertThat(flow.get("productionWithin12Months").get("numerator").asLong()).isEqualTo(1);
		assertThat(flow.get("productionWithin12Months").get("denominator").asLong()).isEqualTo(2);
		assertThat(flow.get("productionWithin12Months").get("benchmarkPct").asDouble()).isEqualTo(11.7);
		assertThat(flow.get("pilotToProduction").get("percent").asDouble()).isCloseTo(50.0, within(1e-9));
		assertThat(flow.get("pilotToProduction").get("benchmarkPct").asDouble()).isEqualTo(5.0);
		// weeks to POC: 6, 10, 8
		assertThat(flow.get("medianWeeksToPoc").asDouble()).isCloseTo(8.0, within(1e-9));
		assertThat(flow.get("prototypesAtPoc").asLong()).isEqualTo(3);

		JsonNode killedOnly = api(token("executive"), "/api/v1/alignment?vertical={v}&stage=KILLED", vertical)
			.get("flow");
		assertThat(killedOnly.get("reachedByStage").get("PROTOTYPE").asLong()).isEqualTo(1);
	}

	@Test
	@WithUserDetails("executive")
	void executiveSeesThePageWithATableBesideEveryChart() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/alignment").exchange();
		assertThat(result).hasStatusOk();
		String html = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(html).contains("Technology-business alignment dashboard")
			.contains("id=\"funnel-chart\"")
			.contains("id=\"funnel-table\"")
			.contains("id=\"benchmark-table\"")
			.contains("id=\"alignment-data\"")
			.containsPattern("/webjars/chart.js/[0-9.]+/dist/chart.umd.js")
			.contains("id=\"gate-performance\"")
			.contains("id=\"maturity-grid\"");
		for (PairDefinition pair : pairs()) {
			assertThat(html).contains("id=\"pair-chart-" + pair.id() + "\"");
			assertThat(html.contains("id=\"pair-" + pair.id() + "-stats\"") || html.contains("Too few points"))
				.isTrue();
		}
		assertThat(html).doesNotContain("<script>").doesNotContain("style=\"");
	}

	@Test
	@WithUserDetails("executive")
	void chartLibraryAndScriptAreServed() {
		assertThat(this.mvc.get().uri("/webjars/chart.js/dist/chart.umd.js")).hasStatusOk();
		assertThat(this.mvc.get().uri("/js/alignment.js")).hasStatusOk();
	}

	@Test
	@WithUserDetails("executive")
	void pageShowsTheChineseTitle() {
		assertThat(this.mvc.get().uri("/alignment?lang=zh-CN")).hasStatusOk().bodyText().contains("技术-商业对齐仪表盘");
	}

	@Test
	void anonymousIsSentToLoginAndTheApiAnswers401() {
		assertThat(this.mvc.get().uri("/alignment")).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/api/v1/alignment")).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void badParametersAreProblemDetails() {
		String token = token("executive");
		for (String query : List.of("lagWeeks=99", "from=2025-05-01&to=2025-01-01", "stage=LAUNCHED", "from=yesterday",
				"lagWeeks=x")) {
			MvcTestResult result = this.mvc.get()
				.uri("/api/v1/alignment?" + query)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.exchange();
			assertThat(result).as(query).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(result.getResponse().getContentType()).contains("application/problem+json");
		}
		assertThat(this.mvc.get()
			.uri("/api/v1/alignment?lagWeeks=99")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("between 0 and 26");
	}

	@Test
	void csvExportHasOneRowPerPairedWeek() throws Exception {
		String vertical = AlignmentFixtures.uniqueVertical();
		long prototype = this.fixtures.prototype(vertical, "PROTOTYPE", this.clock.instant());
		for (int week = 0; week < 4; week++) {
			this.fixtures.observe(prototype, "compliance_doc_completeness_pct", MONDAY.plusWeeks(week),
					BigDecimal.valueOf(50 + 10 * week));
			this.fixtures.observe(prototype, "sales_cycle_days", MONDAY.plusWeeks(week),
					BigDecimal.valueOf(90 - 5 * week));
		}
		PairDefinition compliance = pairs().stream()
			.filter((pair) -> pair.technicalMetric().equals("compliance_doc_completeness_pct"))
			.findFirst()
			.orElseThrow();
		MvcTestResult result = this.mvc.get()
			.uri("/api/v1/alignment/pairs/{id}/points?vertical={v}&from=2025-03-03&to=2025-04-06", compliance.id(),
					vertical)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token("executive"))
			.exchange();
		assertThat(result).hasStatusOk();
		String[] lines = result.getResponse().getContentAsString().split("\n");
		assertThat(lines).hasSize(5);
		assertThat(lines[0])
			.isEqualTo("prototype,business_week,technical_week,compliance_doc_completeness_pct,sales_cycle_days");
		assertThat(lines[1]).startsWith(this.fixtures.key(prototype) + ",2025-03-24,2025-03-24,80.0,75.0");
	}

	@Test
	@WithUserDetails("explorer")
	void onlyAdministratorsEditPairs() {
		assertThat(this.mvc.get().uri("/alignment")).hasStatusOk();
		assertThat(this.mvc.get().uri("/alignment/pairs")).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	@WithUserDetails("admin")
	void administratorChangesATargetAndTheChangeIsAudited() {
		PairDefinition first = pairs().get(0);
		assertThat(this.mvc.get().uri("/alignment/pairs")).hasStatusOk().bodyText().contains("benchmark_score");
		assertThat(this.mvc.post()
			.uri("/alignment/pairs/{id}", first.id())
			.with(csrf())
			.param("technicalMetric", first.technicalMetric())
			.param("technicalTransform", first.technicalTransform().name())
			.param("businessMetric", first.businessMetric())
			.param("businessTransform", first.businessTransform().name())
			.param("kind", first.kind().name())
			.param("expectedDirection", first.expectedDirection().name())
			.param("targetR", "0.8")
			.param("version", String.valueOf(first.version()))).hasStatus3xxRedirection();
		assertThat(pairs().get(0).targetR()).isEqualTo(0.8);
		assertThat(this.jdbc
			.sql("select new_value from audit_event where action = 'ALIGNMENT_PAIR_CHANGED' and entity_id = ?"
					+ " order by seq desc limit 1")
			.param(String.valueOf(first.id()))
			.query(String.class)
			.single()).contains("0.8");
		// a stale version is refused, not silently applied
		assertThat(this.mvc.post()
			.uri("/alignment/pairs/{id}", first.id())
			.with(csrf())
			.param("technicalMetric", first.technicalMetric())
			.param("technicalTransform", first.technicalTransform().name())
			.param("businessMetric", first.businessMetric())
			.param("businessTransform", first.businessTransform().name())
			.param("kind", first.kind().name())
			.param("expectedDirection", first.expectedDirection().name())
			.param("targetR", "0.85")
			.param("version", String.valueOf(first.version()))).hasStatusOk().bodyText().contains("Someone else");
		// restore the seed for other tests
		PairDefinition changed = pairs().get(0);
		assertThat(this.mvc.post()
			.uri("/alignment/pairs/{id}", first.id())
			.with(csrf())
			.param("technicalMetric", first.technicalMetric())
			.param("technicalTransform", first.technicalTransform().name())
			.param("businessMetric", first.businessMetric())
			.param("businessTransform", first.businessTransform().name())
			.param("kind", first.kind().name())
			.param("expectedDirection", first.expectedDirection().name())
			.param("targetR", "0.85")
			.param("version", String.valueOf(changed.version()))).hasStatus3xxRedirection();
	}

	// --- helpers
	// -------------------------------------------------------------------------------

	private List<PairDefinition> pairs() {
		return this.jdbc
			.sql("select id, position, technical_metric, technical_transform, business_metric,"
					+ " business_transform, kind, expected_direction, target_r, version from alignment_pair"
					+ " order by position, id")
			.query((rs, i) -> new PairDefinition(rs.getLong(1), rs.getInt(2), rs.getString(3),
					Transform.valueOf(rs.getString(4)), rs.getString(5), Transform.valueOf(rs.getString(6)),
					PairKind.valueOf(rs.getString(7)), Direction.valueOf(rs.getString(8)),
					(rs.getBigDecimal(9) != null) ? rs.getBigDecimal(9).doubleValue() : null, rs.getLong(10)))
			.list();
	}

	private void advance(long prototype, Instant registered, int weeksToPoc, String... stages) {
		Instant at = registered.plus(Duration.ofDays(7L * weeksToPoc));
		String from = "PROTOTYPE";
		for (String stage : stages) {
			this.fixtures.stageChange(prototype, from, stage, at);
			from = stage;
			at = at.plus(Duration.ofDays(14));
		}
	}

	private void record(Map<String, BigDecimal> stored, long prototype, String metric, LocalDate day,
			BigDecimal value) {
		this.fixtures.observe(prototype, metric, day, value);
		stored.put(prototype + "|" + metric + "|" + day, value);
	}

	private static Map<LocalDate, Double> weeklyMeans(Map<String, BigDecimal> stored, long prototype, String metric) {
		Map<LocalDate, BigDecimal[]> sums = new TreeMap<>();
		stored.forEach((key, value) -> {
			String[] parts = key.split("\\|");
			if (Long.parseLong(parts[0]) == prototype && parts[1].equals(metric)) {
				LocalDate week = AlignmentFilter.weekStart(LocalDate.parse(parts[2]));
				BigDecimal[] sum = sums.computeIfAbsent(week,
						(w) -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
				sum[0] = sum[0].add(value);
				sum[1] = sum[1].add(BigDecimal.ONE);
			}
		});
		Map<LocalDate, Double> means = new TreeMap<>();
		sums.forEach((week, sum) -> means.put(week, sum[0].divide(sum[1], MathContext.DECIMAL64).doubleValue()));
		return means;
	}

	private static Map<LocalDate, Double> series(Map<LocalDate, Double> means, Transform transform) {
		Map<LocalDate, Double> series = new TreeMap<>();
		means.forEach((week, mean) -> {
			Double previous = means.get(week.minusWeeks(1));
			switch (transform) {
				case LEVEL -> series.put(week, mean);
				case GAIN -> {
					if (previous != null) {
						series.put(week, mean - previous);
					}
				}
				case REDUCTION -> {
					if (previous != null) {
						series.put(week, previous - mean);
					}
				}
			}
		});
		return series;
	}

	private static double pearson(List<double[]> points) {
		double mx = points.stream().mapToDouble((p) -> p[0]).average().orElseThrow();
		double my = points.stream().mapToDouble((p) -> p[1]).average().orElseThrow();
		double sxy = 0;
		double sxx = 0;
		double syy = 0;
		for (double[] p : points) {
			sxy += (p[0] - mx) * (p[1] - my);
			sxx += (p[0] - mx) * (p[0] - mx);
			syy += (p[1] - my) * (p[1] - my);
		}
		return sxy / Math.sqrt(sxx * syy);
	}

	private static double slope(List<double[]> points) {
		double mx = points.stream().mapToDouble((p) -> p[0]).average().orElseThrow();
		double my = points.stream().mapToDouble((p) -> p[1]).average().orElseThrow();
		double sxy = 0;
		double sxx = 0;
		for (double[] p : points) {
			sxy += (p[0] - mx) * (p[1] - my);
			sxx += (p[0] - mx) * (p[0] - mx);
		}
		return sxy / sxx;
	}

	private void assertRollupsMatchObservations(long prototype) {
		List<String> fromRaw = this.jdbc.sql("""
				select metric_key || ' ' || iso_week_start(observed_on) || ' ' || sum(value)::float8 || ' ' || count(*)
				from observation where prototype_id = ? group by metric_key, iso_week_start(observed_on) order by 1""")
			.param(prototype)
			.query(String.class)
			.list();
		List<String> rollups = this.jdbc.sql("""
				select metric_key || ' ' || week_start || ' ' || value_sum::float8 || ' ' || value_count
				from observation_weekly where prototype_id = ? order by 1""")
			.param(prototype)
			.query(String.class)
			.list();
		assertThat(rollups).isEqualTo(fromRaw);
	}

	private List<Double> weekly(long prototype, String week) {
		return this.jdbc
			.sql("select value_sum::float8, value_count::float8 from observation_weekly where prototype_id = ?"
					+ " and metric_key = 'nps' and week_start = cast(? as date)")
			.params(prototype, week)
			.query((rs, i) -> List.of(rs.getDouble(1), rs.getDouble(2)))
			.single();
	}

	private String token(String username) {
		return this.tokens.create(this.people.findByUsername(username).orElseThrow().id(), "alignment test");
	}

	private JsonNode api(String token, String uri, Object... variables) throws Exception {
		MvcTestResult result = this.mvc.get()
			.uri(uri, variables)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange();
		assertThat(result).hasStatusOk();
		return this.json.readTree(result.getResponse().getContentAsString());
	}

}
