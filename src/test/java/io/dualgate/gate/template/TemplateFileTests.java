package io.dualgate.gate.template;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.dualgate.IntegrationTest;
import io.dualgate.gate.GateFixtures;
import io.dualgate.gate.GateView;
import io.dualgate.gate.Gates;
import io.dualgate.gate.Track;
import io.dualgate.gate.checklist.ItemSpec;
import io.dualgate.people.ApiTokens;
import io.dualgate.portfolio.Stage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Templates as files: what is exported imports as the same template; a file with problems
 * is refused whole, each problem named with its JSON path; an import is a new version and
 * gates already open keep the version they opened with.
 */
@IntegrationTest
@Import(GateFixtures.class)
class TemplateFileTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	GateFixtures fixtures;

	@Autowired
	ChecklistTemplates templates;

	@Autowired
	Gates gates;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anExportedTemplateImportsAsTheSameTemplate() throws Exception {
		ChecklistTemplate exported = this.templates.current(Stage.POC, Track.TECHNICAL).orElseThrow();
		MvcTestResult download = this.mvc.get()
			.uri("/api/v1/templates/{id}", exported.getId())
			.header(HttpHeaders.AUTHORIZATION, token("admin"))
			.exchange();
		assertThat(download).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
		String file = download.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(file).contains("\"schemaVersion\" : 1", "\"zh-CN\" : \"POC 期间核心路径可用性\"",
				"\"framework\" : \"EUAIACT\"");

		MvcTestResult imported = this.mvc.post()
			.uri("/api/v1/templates")
			.header(HttpHeaders.AUTHORIZATION, token("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(file)
			.exchange();
		assertThat(imported).hasStatus(201);
		ChecklistTemplate copy = this.templates.current(Stage.POC, Track.TECHNICAL).orElseThrow();
		assertThat(copy.getVersion()).isEqualTo(exported.getVersion() + 1);
		assertThat(imported).bodyJson().extractingPath("$.version").isEqualTo(copy.getVersion());
		// Identical: title, every item with both texts, help, thresholds and references.
		assertThat(copy.getTitle()).isEqualTo(exported.getTitle());
		assertThat(copy.specs()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("threshold")
			.isEqualTo(exported.specs());
		for (int i = 0; i < copy.specs().size(); i++) {
			ItemSpec a = copy.specs().get(i);
			ItemSpec b = exported.specs().get(i);
			assertThat(a.threshold() == null ? null : a.threshold().compareTo(b.threshold())).isIn(null, 0);
		}
		// and its own export is the same file, but for where it came from
		assertThat(withoutExportInfo(this.templates.export(copy.getId()))).isEqualTo(withoutExportInfo(file));
	}

	@Test
	void aFileWithTwoErrorsIsRefusedWithBothJsonPathsAndNothingIsSaved() throws Exception {
		ChecklistTemplate before = this.templates.current(Stage.PILOT, Track.TECHNICAL).orElseThrow();
		String file = this.templates.export(before.getId())
			.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 7")
			.replace("\"code\" : \"rag_latency_p95_ms\"", "\"code\" : \"availability_pct\"");
		MvcTestResult refused = this.mvc.post()
			.uri("/api/v1/templates")
			.header(HttpHeaders.AUTHORIZATION, token("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(file)
			.exchange();
		assertThat(refused).hasStatus(422).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("$.schemaVersion", "$.items[1].code");
		assertThat(refused).bodyJson()
			.extractingPath("$.errors[1].message")
			.asString()
			.contains("availability_pct", "$.items[0].code");
		assertThat(this.templates.current(Stage.PILOT, Track.TECHNICAL).orElseThrow().getVersion())
			.isEqualTo(before.getVersion());

		// The same file through the admin page: refused, every problem listed with its
		// path.
		MvcTestResult page = this.mvc.perform(multipart("/admin/templates/import")
			.file(new MockMultipartFile("file", "pilot.json", "application/json",
					file.getBytes(StandardCharsets.UTF_8)))
			.with(user(this.fixtures.login("admin")))
			.with(csrf()));
		assertThat(page).hasStatus(422).bodyText().contains("$.schemaVersion", "$.items[1].code", "pilot.json");
	}

	@Test
	void badInputIsNamedProblemByProblem() {
		String file = """
				{"schemaVersion": 1, "fromStage": "POC", "toStage": "PRODUCTION", "track": "COMMERCIAL", "title": "Bad",
				 "items": [
				  {"code": "a_item", "kind": "ATTESTATION", "text": {"zh-CN": "只有中文"}, "blocking": true},
				  {"code": "b_item", "kind": "MEASURE", "text": {"en": "B"}, "blocking": true, "metricKey": "no_such_metric",
				   "measure": {"comparator": ">=", "threshold": "12,5", "unit": "%"}},
				  {"code": "c_item", "kind": "EVIDENCE_LINK", "text": {"en": "C"}, "blocking": false,
				   "references": [{"framework": "ISO42001", "clause": "A.99.1"}, {"framework": "EUAIACT", "clause": "Art. 15"}]}
				 ]}""";
		assertThat(problems(file)).extracting(TemplateFileProblem::path)
			.contains("$.toStage", "$.items[0].text.en", "$.items[1].metricKey", "$.items[1].measure.threshold",
					"$.items[2].references[0]")
			.doesNotContain("$.items[2].references[1]");
		assertThat(problems(file)).extracting(TemplateFileProblem::message)
			.anySatisfy((message) -> assertThat(message).contains("ISO42001", "A.99.1"))
			.anySatisfy((message) -> assertThat(message).contains("no_such_metric"));
		// in the reader's language
		assertThat(this.templatesRead(file, Locale.SIMPLIFIED_CHINESE)).extracting(TemplateFileProblem::message)
			.anySatisfy((message) -> assertThat(message).contains("框架 ISO42001 中没有条款 A.99.1"));
		assertThat(problems("{ not json")).singleElement()
			.satisfies((problem) -> assertThat(problem.message()).contains("line 1"));
		assertThat(problems("")).singleElement().extracting(TemplateFileProblem::path).isEqualTo("$");
	}

	@Test
	void anImportIsANewVersionAndAGateAlreadyOpenKeepsItsSnapshot() {
		String key = this.fixtures.prototype();
		GateView open = this.fixtures.open(key, "explorer");
		ChecklistTemplate before = this.templates.current(Stage.PROTOTYPE, Track.COMMERCIAL).orElseThrow();
		String file = this.templates.export(before.getId())
			.replace("\"en\" : \"Pricing model defined\"", "\"en\" : \"Pricing model defined and signed off\"");
		this.templates.importFile(file, "sharper wording", this.fixtures.userId("admin"), Locale.ENGLISH);

		ChecklistTemplate after = this.templates.current(Stage.PROTOTYPE, Track.COMMERCIAL).orElseThrow();
		assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
		assertThat(after.specs()).extracting(ItemSpec::label).contains("Pricing model defined and signed off");
		assertThat(this.templates.get(before.getId()).specs()).extracting(ItemSpec::label)
			.contains("Pricing model defined");
		GateView still = this.gates.get(open.id());
		assertThat(still.commercial().templateVersion()).isEqualTo(open.commercial().templateVersion());
		assertThat(still.commercial().items()).extracting(io.dualgate.gate.ItemView::label)
			.contains("Pricing model defined")
			.doesNotContain("Pricing model defined and signed off");
		assertThat(this.jdbc.sql("select count(*) from audit_event where action = 'TEMPLATE_IMPORTED' and reason = ?")
			.param("sharper wording")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void onlyAdministratorsExportAndImport() {
		ChecklistTemplate any = this.templates.current(Stage.POC, Track.COMMERCIAL).orElseThrow();
		for (String who : List.of("explorer", "deliverer", "executive")) {
			assertThat(this.mvc.get()
				.uri("/api/v1/templates/{id}", any.getId())
				.header(HttpHeaders.AUTHORIZATION, token(who))
				.exchange()).hasStatus(403);
			assertThat(this.mvc.post()
				.uri("/api/v1/templates")
				.header(HttpHeaders.AUTHORIZATION, token(who))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.templates.export(any.getId()))
				.exchange()).hasStatus(403);
		}
		assertThat(this.mvc.get()
			.uri("/admin/templates/{id}/export.json", any.getId())
			.with(user(this.fixtures.login("deliverer")))).hasStatus(403);
		assertThat(this.mvc.get()
			.uri("/admin/templates/{id}/export.json", any.getId())
			.with(user(this.fixtures.login("admin")))).hasStatusOk()
			.hasHeader(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"dualgate-template-poc-commercial-v" + any.getVersion() + ".json\"");
	}

	@Test
	void theDocumentedSchemaIsTheOneImportsAreCheckedWith() throws Exception {
		String documented = Files.readString(Path.of("docs", "template-schema.json"));
		String used = new ClassPathResource("schemas/template-schema.json").getContentAsString(StandardCharsets.UTF_8);
		assertThat(used).as("src/main/resources/schemas/template-schema.json must equal docs/template-schema.json")
			.isEqualTo(documented);
	}

	private List<TemplateFileProblem> problems(String file) {
		return templatesRead(file, Locale.ENGLISH);
	}

	private List<TemplateFileProblem> templatesRead(String file, Locale locale) {
		try {
			this.templates.read(file, locale);
			throw new AssertionError("the file was accepted");
		}
		catch (TemplateFileRejected ex) {
			return ex.problems();
		}
	}

	private static String withoutExportInfo(String file) {
		return file.replaceAll("(?s)\"exported\" : \\{.*?\\},\\s*", "")
			.replaceAll("\"changeNote\" : \"[^\"]*\",\\s*", "");
	}

	private String token(String username) {
		return "Bearer " + this.tokens.create(this.fixtures.userId(username), "test " + System.nanoTime());
	}

}
