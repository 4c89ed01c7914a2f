package io.dualgate.frameworks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.dualgate.IntegrationTest;
import io.dualgate.gate.GateFixtures;
import io.dualgate.gate.GateView;
import io.dualgate.gate.Gates;
import io.dualgate.gate.Track;
import io.dualgate.gate.checklist.Answer;
import io.dualgate.people.ApiTokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * Coverage as a new user meets it: an admin chooses ISO/IEC 42001 and the EU AI Act and
 * adopts the library's prototype-to-POC checklists; a PM opens a gate; the coverage page
 * lists every control of the two frameworks with the items that cover it and their
 * evidence, exports as CSV and PDF, and records which controls do not apply (with a
 * justification, by the prototype's own PMs only).
 */
@IntegrationTest
@Import(GateFixtures.class)
class CoverageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	GateFixtures fixtures;

	@Autowired
	Gates gates;

	@Autowired
	Coverage coverage;

	@Autowired
	Frameworks frameworks;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdminChoosesTwoFrameworksAdoptsTheLibraryTemplateAndTheCoveragePageListsEachControl() throws Exception {
		// The admin chooses ISO/IEC 42001 and the EU AI Act, and adopts the library's
		// checklists for prototype to POC.
		assertThat(
				post("/admin/frameworks", "admin", "applicable", "", "applicable", "ISO42001", "applicable", "EUAIACT"))
			.hasStatus3xxRedirection();
		assertThat(post("/admin/frameworks/library/prototype-poc-technical/adopt", "admin")).hasStatus3xxRedirection();
		assertThat(post("/admin/frameworks/library/prototype-poc-commercial/adopt", "admin")).hasStatus3xxRedirection();

		// The Exploration PM opens the gate from it and answers the technical track.
		String key = this.fixtures.prototype();
		MvcTestResult opened = post("/gates", "explorer", "prototypeKey", key);
		assertThat(opened).hasStatus3xxRedirection();
		long gateId = Long.parseLong(opened.getResponse().getRedirectedUrl().replaceAll(".*/gates/(\\d+).*", "$1"));
		GateView gate = this.fixtures.answerPassing(gateId, Track.TECHNICAL, "explorer");
		assertThat(gate.technical().items()).extracting(io.dualgate.gate.ItemView::code)
			.contains("risk_register", "data_provenance", "event_logging");

		CoverageReport report = this.coverage.report(key);
		assertThat(report.frameworks()).extracting((s) -> s.framework().key()).containsExactly("ISO42001", "EUAIACT");
		assertThat(report.frameworks().get(0).rows()).hasSize(38);
		assertThat(report.frameworks().get(1).rows()).hasSize(8);
		assertThat(row(report, "EUAIACT", "Art. 15").status()).isEqualTo(CoverageStatus.PASS);
		assertThat(row(report, "EUAIACT", "Art. 15").items()).extracting((i) -> i.code())
			.contains("availability_pct", "fallback_plan", "rag_latency_p95_ms");
		assertThat(row(report, "EUAIACT", "Art. 12").items()).extracting((i) -> i.code())
			.containsExactly("event_logging");
		// the commercial track is not answered yet
		assertThat(row(report, "EUAIACT", "Art. 13").status()).isEqualTo(CoverageStatus.OPEN);
		assertThat(row(report, "ISO42001", "A.4.4").status()).isEqualTo(CoverageStatus.NOT_COVERED);

		// A failing answer shows as covered but failing.
		this.gates.answer(gateId, Track.TECHNICAL, "event_logging", Answer.yes(false), null,
				this.fixtures.userId("explorer"), "FORM");
		assertThat(row(this.coverage.report(key), "EUAIACT", "Art. 12").status()).isEqualTo(CoverageStatus.FAIL);

		String page = text(this.mvc.get()
			.uri("/prototypes/{key}/coverage", key)
			.with(user(this.fixtures.login("executive")))
			.exchange());
		assertThat(page)
			.contains("A.6.2.4", "Verification and validation", "Art. 14", "Human oversight",
					"Requests, outputs and human overrides logged with time and model version",
					"covered but failing or expired", "not covered", "#" + gateId)
			.doesNotContain("MEASURE 2.5");
		String chinese = text(this.mvc.get()
			.uri("/prototypes/{key}/coverage", key)
			.locale(Locale.SIMPLIFIED_CHINESE)
			.with(user(this.fixtures.login("executive")))
			.exchange());
		assertThat(chinese).contains("验证与确认", "已覆盖并通过", "请求、输出和人工改判均带时间和模型版本记录日志");

		MvcTestResult csv = this.mvc.get()
			.uri("/prototypes/{key}/coverage.csv", key)
			.with(user(this.fixtures.login("executive")))
			.exchange();
		assertThat(csv).hasStatusOk().hasContentType("text/csv;charset=UTF-8");
		assertThat(text(csv)).contains("Framework,Clause,Control,Applies,Justification,Status,Covered by")
			.contains("EUAIACT,Art. 12,Record-keeping (logs),yes,,covered but failing or expired,\"#" + gateId
					+ " event_logging (Requests, outputs and human overrides logged with time and model version): FAIL\"");

		MvcTestResult pdf = this.mvc.get()
			.uri("/prototypes/{key}/coverage.pdf", key)
			.locale(Locale.SIMPLIFIED_CHINESE)
			.with(user(this.fixtures.login("executive")))
			.exchange();
		assertThat(pdf).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
		try (PDDocument document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
			String pdfText = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
			assertThat(pdfText).contains("A.6.2.4", "验证与确认", "人工监督", "已覆盖但未通过或已过期");
		}
	}

	@Test
	void thePrototypesOwnPmsRecordWhichControlsDoNotApplyWithAJustification() throws Exception {
		this.jdbc.sql("update framework set applicable = true where key = 'ISO42001'").update();
		String key = this.fixtures.prototype();
		ControlView tooling = this.frameworks.controls("ISO42001")
			.stream()
			.filter((c) -> c.clause().equals("A.4.4"))
			.findFirst()
			.orElseThrow();

		// Without a justification: refused, nothing saved.
		assertThat(post("/prototypes/" + key + "/coverage/applicability", "deliverer", "controlId",
				String.valueOf(tooling.id()), "applicable", "false", "justification", "  "))
			.hasStatus3xxRedirection()
			.flash()
			.containsEntry("error", "coverage.justification.required");
		assertThat(row(this.coverage.report(key), "ISO42001", "A.4.4").applicable()).isTrue();

		// A PM of the same role who is not this prototype's is refused, in the page and
		// the API.
		assertThat(post("/prototypes/" + key + "/coverage/applicability", "labexplorer", "controlId",
				String.valueOf(tooling.id()), "applicable", "false", "justification", "not ours"))
			.hasStatus(403);
		assertThat(this.mvc.put()
			.uri("/api/v1/prototypes/{key}/applicability/{id}", key, tooling.id())
			.header(HttpHeaders.AUTHORIZATION, token("labexplorer"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"applicable\": false, \"justification\": \"not ours\"}")).hasStatus(403);
		assertThat(this.mvc.put()
			.uri("/api/v1/prototypes/{key}/applicability/{id}", key, tooling.id())
			.header(HttpHeaders.AUTHORIZATION, token("explorer"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"applicable\": false}")).hasStatus(422).bodyText().contains("justification");

		// Its own Delivery PM records it, with the reason, and it is audited.
		assertThat(post("/prototypes/" + key + "/coverage/applicability", "deliverer", "controlId",
				String.valueOf(tooling.id()), "applicable", "false", "justification",
				"No AI tooling of our own: the model is a supplier's hosted service"))
			.hasStatus3xxRedirection();
		CoverageReport.Row row = row(this.coverage.report(key), "ISO42001", "A.4.4");
		assertThat(row.status()).isEqualTo(CoverageStatus.NOT_APPLICABLE);
		assertThat(row.justification()).startsWith("No AI tooling");
		assertThat(row.decidedBy()).isNotBlank();
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where action = 'CONTROL_APPLICABILITY_SET' and entity_id = ?")
			.param(key)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(text(this.mvc.get()
			.uri("/api/v1/prototypes/{key}/coverage", key)
			.header(HttpHeaders.AUTHORIZATION, token("executive"))
			.exchange())).contains("NOT_APPLICABLE", "No AI tooling");
	}

	@Test
	void theCrosswalkShowsItemsThatCoverSeveralFrameworksAtOnce() throws Exception {
		String page = text(
				this.mvc.get().uri("/frameworks/crosswalk").with(user(this.fixtures.login("deliverer"))).exchange());
		// the stock checklists carry references since V121: availability cites all three
		assertThat(page).contains("availability_pct", "A.6.2.4", "Art. 15", "MEASURE 2.5", "dg-multi");
	}

	@Test
	void aControlIsJudgedOnTheNewestGateThatCoversIt() {
		var ref = new io.dualgate.gate.checklist.FrameworkRef("EUAIACT", "Art. 15");
		var old = new io.dualgate.gate.CoveredItem(1, io.dualgate.portfolio.Stage.PROTOTYPE,
				io.dualgate.portfolio.Stage.POC, io.dualgate.gate.GateStatus.APPROVED,
				java.time.Instant.parse("2026-01-01T00:00:00Z"), Track.TECHNICAL, "a", "A", null, List.of(ref),
				io.dualgate.gate.checklist.Verdict.FAIL, false);
		var newPass = new io.dualgate.gate.CoveredItem(2, io.dualgate.portfolio.Stage.POC,
				io.dualgate.portfolio.Stage.PILOT, io.dualgate.gate.GateStatus.OPEN,
				java.time.Instant.parse("2026-03-01T00:00:00Z"), Track.TECHNICAL, "a", "A", null, List.of(ref),
				io.dualgate.gate.checklist.Verdict.PASS, false);
		var newOpen = new io.dualgate.gate.CoveredItem(2, io.dualgate.portfolio.Stage.POC,
				io.dualgate.portfolio.Stage.PILOT, io.dualgate.gate.GateStatus.OPEN,
				java.time.Instant.parse("2026-03-01T00:00:00Z"), Track.TECHNICAL, "b", "B", null, List.of(ref),
				io.dualgate.gate.checklist.Verdict.OPEN, false);
		var newExpired = new io.dualgate.gate.CoveredItem(2, io.dualgate.portfolio.Stage.POC,
				io.dualgate.portfolio.Stage.PILOT, io.dualgate.gate.GateStatus.OPEN,
				java.time.Instant.parse("2026-03-01T00:00:00Z"), Track.TECHNICAL, "c", "C", null, List.of(ref),
				io.dualgate.gate.checklist.Verdict.PASS, true);
		assertThat(Coverage.status(List.of())).isEqualTo(CoverageStatus.NOT_COVERED);
		assertThat(Coverage.status(List.of(old, newPass))).isEqualTo(CoverageStatus.PASS);
		assertThat(Coverage.status(List.of(old, newPass, newOpen))).isEqualTo(CoverageStatus.OPEN);
		assertThat(Coverage.status(List.of(newPass, newOpen, newExpired))).isEqualTo(CoverageStatus.FAIL);
		assertThat(Coverage.status(List.of(old))).isEqualTo(CoverageStatus.FAIL);
	}

	private MvcTestResult post(String path, String username, String... params) {
		var request = this.mvc.post().uri(path).with(user(this.fixtures.login(username))).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request = request.param(params[i], params[i + 1]);
		}
		return request.exchange();
	}

	private static CoverageReport.Row row(CoverageReport report, String framework, String clause) {
		return report.frameworks()
			.stream()
			.filter((s) -> s.framework().key().equals(framework))
			.flatMap((s) -> s.rows().stream())
			.filter((r) -> r.control().clause().equals(clause))
			.findFirst()
			.orElseThrow();
	}

	private static String text(MvcTestResult result) throws IOException {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private String token(String username) {
		return "Bearer " + this.tokens.create(this.fixtures.userId(username), "test " + System.nanoTime());
	}

}
