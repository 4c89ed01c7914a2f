package io.dualgate.metrics;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.dualgate.IntegrationTest;
import io.dualgate.gate.GateFixtures;
import io.dualgate.people.ApiTokens;
import io.dualgate.people.People;
import io.dualgate.portfolio.Portfolio;
import io.dualgate.portfolio.PrototypeView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ObservationImportTests {

	/** Ten metrics, a thousand days each, all older than the demo year. */
	private static final List<String> METRICS = List.of("benchmark_score", "rag_latency_p95_ms", "availability_pct",
			"hallucination_rate_pct", "first_response_accuracy_pct", "task_completion_rate_pct", "nps",
			"retention_30d_pct", "renewal_rate_pct", "sales_cycle_days");

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	People people;

	@Autowired
	Portfolio portfolio;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	GateFixtures fixtures;

	String adminToken;

	String explorerToken;

	String executiveToken;

	@BeforeEach
	void tokens() {
		this.adminToken = token("admin");
		this.explorerToken = token("explorer");
		this.executiveToken = token("executive");
	}

	private String token(String username) {
		return this.tokens.create(this.people.findByUsername(username).orElseThrow().id(), "test");
	}

	/** 10,000 rows for INVOICE-MATCH, lines 2..10001, dates 400..1399 days ago. */
	private String tenThousandRows(String badLine10, String badLine5000Value, String badLine9999Prototype) {
		StringBuilder csv = new StringBuilder("prototype,metric,date,value\n");
		LocalDate today = LocalDate.now(this.clock);
		int line = 2;
		for (int day = 0; day < 1000; day++) {
			for (String metric : METRICS) {
				String prototype = (line == 9999 && badLine9999Prototype != null) ? badLine9999Prototype
						: "INVOICE-MATCH";
				String date = (line == 10 && badLine10 != null) ? badLine10 : today.minusDays(400 + day).toString();
				String value = (line == 5000 && badLine5000Value != null) ? badLine5000Value
						: String.valueOf(50 + (day % 40));
				csv.append(prototype)
					.append(',')
					.append(metric)
					.append(',')
					.append(date)
					.append(',')
					.append(value)
					.append('\n');
				line++;
			}
		}
		return csv.toString();
	}

	private long oldInvoiceMatchRows() {
		PrototypeView prototype = this.portfolio.get("INVOICE-MATCH");
		return this.jdbc.sql("select count(*) from observation where prototype_id = ? and observed_on <= ?")
			.params(prototype.id(), LocalDate.now(this.clock).minusDays(400))
			.query(Long.class)
			.single();
	}

	@Test
	void csvWithThreeBadCellsIsRefusedWholeListingExactlyThoseCellsThenTheFixedFileImportsOnce() throws Exception {
		long before = oldInvoiceMatchRows();
		String bad = tenThousandRows("2026-02-30", "lots", "NO-SUCH-PROTOTYPE");
		this.mvc
			.perform(post("/api/v1/observations").header("Authorization", "Bearer " + this.adminToken)
				.contentType("text/csv")
				.content(bad.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errorCount").value(3))
			.andExpect(jsonPath("$.errors", hasSize(3)))
			.andExpect(jsonPath("$.errors[0].line").value(10))
			.andExpect(jsonPath("$.errors[0].field").value("date"))
			.andExpect(jsonPath("$.errors[1].line").value(5000))
			.andExpect(jsonPath("$.errors[1].field").value("value"))
			.andExpect(jsonPath("$.errors[2].line").value(9999))
			.andExpect(jsonPath("$.errors[2].field").value("prototype"))
			.andExpect(jsonPath("$.errors[2].message").value(containsString("NO-SUCH-PROTOTYPE")));
		assertThat(oldInvoiceMatchRows()).isEqualTo(before);

		String fixed = tenThousandRows(null, null, null);
		for (int i = 0; i < 2; i++) {
			this.mvc
				.perform(multipart("/observations/upload")
					.file(new MockMultipartFile("file", "fixed.csv", "text/csv",
							fixed.getBytes(StandardCharsets.UTF_8)))
					.with(csrf())
					.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
						.user(adminPrincipal())))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Imported 10,000 observations")));
			assertThat(oldInvoiceMatchRows()).isEqualTo(before + 10_000);
		}
	}

	@Test
	@WithUserDetails("admin")
	void uploadPageListsEveryBadCellWithLineAndColumn() throws Exception {
		String bad = tenThousandRows("yesterday", "1e999999999", "NO-SUCH-PROTOTYPE");
		this.mvc
			.perform(multipart("/observations/upload")
				.file(new MockMultipartFile("file", "bad.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Nothing was imported")))
			.andExpect(content().string(containsString("<td>10</td>")))
			.andExpect(content().string(containsString("<td>5000</td>")))
			.andExpect(content().string(containsString("<td>9999</td>")))
			.andExpect(content().string(containsString("&quot;yesterday&quot; is not a date")));
	}

	@Test
	void jsonArrayIsAcceptedWith201() throws Exception {
		String today = LocalDate.now(this.clock).toString();
		this.mvc
			.perform(post("/api/v1/observations").header("Authorization", "Bearer " + this.explorerToken)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						[{"prototype":"CONTRACT-RISK","metric":"nps","date":"%s","value":41.5},
						 {"prototype":"CONTRACT-RISK","metric":"ltv_cac","date":"%s","value":"3.2"}]""".formatted(today,
						today)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.accepted").value(2));
		this.mvc
			.perform(get("/api/v1/prototypes/CONTRACT-RISK/observations").param("metric", "ltv_cac")
				.param("from", today)
				.header("Authorization", "Bearer " + this.explorerToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].value").value(3.2))
			.andExpect(jsonPath("$[0].source").value("API"));
	}

	@Test
	void jsonWithBadElementsIsRefusedWith422NamingIndexAndField() throws Exception {
		String future = LocalDate.now(this.clock).plusDays(3).toString();
		this.mvc
			.perform(post("/api/v1/observations").header("Authorization", "Bearer " + this.explorerToken)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						[{"prototype":"CONTRACT-RISK","metric":"nps","date":"2025-01-01","value":10},
						 {"prototype":"CONTRACT-RISK","metric":"no_such_metric","date":"2025-01-01","value":10},
						 {"prototype":"CONTRACT-RISK","metric":"availability_pct","date":"%s","value":101}]"""
					.formatted(future)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors", hasSize(3)))
			.andExpect(jsonPath("$.errors[0].index").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("metric"))
			.andExpect(jsonPath("$.errors[1].index").value(2))
			.andExpect(jsonPath("$.errors[1].field").value("date"))
			.andExpect(jsonPath("$.errors[2].field").value("value"))
			.andExpect(jsonPath("$.errors[2].message").value(containsString("outside the range")));
	}

	@Test
	void hugeOrOverPreciseNumbersAreRefusedNotExpanded() throws Exception {
		this.mvc
			.perform(post("/api/v1/observations").header("Authorization", "Bearer " + this.adminToken)
				.contentType("text/csv")
				.content("prototype,metric,date,value\nCONTRACT-RISK,willingness_to_pay_usd,2025-01-01,1e999999999\n"
						+ "CONTRACT-RISK,nps,2025-01-02,0.000000000001\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors", hasSize(2)))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("digits")));
	}

	@Test
	void aFileWithThousandsOfBadCellsListsTheFirstThousandAndCountsThemAll() throws Exception {
		StringBuilder csv = new StringBuilder("prototype,metric,date,value\n");
		for (int i = 0; i < 2500; i++) {
			csv.append("CONTRACT-RISK,nps,2025-01-01,not-a-number-").append(i).append('\n');
		}
		this.mvc
			.perform(post("/api/v1/observations").header("Authorization", "Bearer " + this.explorerToken)
				.contentType("text/csv")
				.content(csv.toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errorCount").value(2500))
			.andExpect(jsonPath("$.errors", hasSize(1000)))
			.andExpect(jsonPath("$.errors[999].line").value(1001));
	}

	@Test
	void pmOfAnotherPrototypeMayNotRecordForIt() throws Exception {
		// explorer is not a PM of CLAIMS-TRIAGE (labexplorer is): evidence is recorded by
		// a prototype's own PMs.
		this.mvc
			.perform(post("/api/v1/observations").header("Authorization", "Bearer " + this.explorerToken)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						[{"prototype":"CLAIMS-TRIAGE","metric":"nps","date":"2025-01-01","value":10}]"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("prototype"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("only its PMs and admins")));
	}

	@Test
	void textCsvIsAcceptedWith201() throws Exception {
		this.mvc.perform(post("/api/v1/observations").header("Authorization", "Bearer " + this.explorerToken)
			.contentType("text/csv")
			.content("prototype,metric,date,value\nCONTRACT-RISK,nps,2025-03-01,12\nCONTRACT-RISK,nps,2025-03-02,13\n"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.accepted").value(2));
	}

	@Test
	void apiWithoutTokenIs401AndForExecutivesIs403() throws Exception {
		this.mvc.perform(post("/api/v1/observations").contentType(MediaType.APPLICATION_JSON).content("[]"))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(post("/api/v1/observations").header("Authorization", "Bearer " + this.executiveToken)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						[{"prototype":"CONTRACT-RISK","metric":"nps","date":"2025-01-01","value":10}]"""))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/api/v1/prototypes/CONTRACT-RISK/observations").param("metric", "nps")
				.header("Authorization", "Bearer " + this.executiveToken))
			.andExpect(status().isOk());
	}

	@Test
	void wrongEncodingEmptyFileAndWrongHeaderAre4xx() throws Exception {
		byte[] latin1 = "prototype,metric,date,value\nCONTRACT-RISK,nps,2025-01-01,12\nCONTRACT-RISK,nps,2025-01-02,caf\u00e9\n"
			.getBytes(StandardCharsets.ISO_8859_1);
		this.mvc
			.perform(post("/api/v1/observations").header("Authorization", "Bearer " + this.explorerToken)
				.contentType("text/csv")
				.content(latin1))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("not UTF-8")));
		this.mvc
			.perform(post("/api/v1/observations").header("Authorization", "Bearer " + this.explorerToken)
				.contentType("text/csv")
				.content(new byte[0]))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The file is empty."));
		this.mvc
			.perform(post("/api/v1/observations").header("Authorization", "Bearer " + this.explorerToken)
				.contentType("text/csv")
				.content("key,metric,day,value\nCONTRACT-RISK,nps,2025-01-01,12\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("header"));
		this.mvc.perform(post("/api/v1/observations").header("Authorization", "Bearer " + this.explorerToken)
			.contentType("text/csv")
			.content("prototype,metric,date,value\nCONTRACT-RISK,nps,2025-01-01\nCONTRACT-RISK,nps,2025-01-02,1,2\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors", hasSize(2)))
			.andExpect(jsonPath("$.errors[0].line").value(2))
			.andExpect(jsonPath("$.errors[0].field").value("columns"));
	}

	@Test
	void theSameDayTwiceInOneFileIsRefusedNamingBothLines() throws Exception {
		this.mvc.perform(post("/api/v1/observations").header("Authorization", "Bearer " + this.explorerToken)
			.contentType("text/csv")
			.content("prototype,metric,date,value\nCONTRACT-RISK,nps,2024-01-01,12\nCONTRACT-RISK,nps,2024-01-01,13\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].line").value(3))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("line 2")));
	}

	@Test
	@WithUserDetails("admin")
	void adminsAddMetricDefinitionsAndEveryoneSeesThem() throws Exception {
		this.mvc.perform(get("/observations/upload"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/js/observation-upload.js")));
		this.mvc
			.perform(post("/metrics").with(csrf())
				.param("key", "escalation_rate_pct")
				.param("name", "Escalation rate")
				.param("unit", "%")
				.param("kind", "BUSINESS")
				.param("direction", "LOWER_IS_BETTER")
				.param("minValue", "0")
				.param("maxValue", "100"))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/metrics").with(csrf())
				.param("key", "bad_range")
				.param("name", "Bad")
				.param("unit", "%")
				.param("kind", "BUSINESS")
				.param("direction", "LOWER_IS_BETTER")
				.param("minValue", "10")
				.param("maxValue", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The minimum must not be greater than the maximum.")));
		this.mvc.perform(get("/metrics"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("escalation_rate_pct")));
	}

	@Test
	@WithUserDetails("executive")
	void executivesMayNotAddMetricsOrRecordThroughTheForm() throws Exception {
		this.mvc.perform(post("/metrics").with(csrf()).param("key", "x_metric")).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/prototypes/CONTRACT-RISK/observations").with(csrf())
				.param("metric", "nps")
				.param("date", "2025-01-01")
				.param("value", "10"))
			.andExpect(status().isForbidden());
	}

	@Test
	@WithUserDetails("explorer")
	void theFormOnThePrototypePageRecordsOrExplainsWhyNot() throws Exception {
		// A prototype of its own: evidence recorded on a demo prototype would invalidate
		// the
		// demo gate's signature for every test after this one.
		String key = this.fixtures.prototype("explorer", "deliverer");
		this.mvc
			.perform(post("/prototypes/{key}/observations", key).with(csrf())
				.param("metric", "hallucination_rate_pct")
				.param("date", LocalDate.now(this.clock).toString())
				.param("value", "2.5"))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("success", "flash.observation.recorded"));
		this.mvc
			.perform(post("/prototypes/{key}/observations", key).with(csrf())
				.param("metric", "hallucination_rate_pct")
				.param("date", LocalDate.now(this.clock).toString())
				.param("value", "250"))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attributeExists("observationErrors"));
		this.mvc.perform(get("/prototypes/{key}", key))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Record an observation")));
	}

	private io.dualgate.people.AuthenticatedUser adminPrincipal() {
		return (io.dualgate.people.AuthenticatedUser) this.userDetails.loadUserByUsername("admin");
	}

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService userDetails;

}
