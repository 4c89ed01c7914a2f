package io.dualgate.learning.evals;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.dualgate.IntegrationTest;
import io.dualgate.gate.GateFixtures;
import io.dualgate.gate.GateView;
import io.dualgate.gate.Gates;
import io.dualgate.gate.ItemView;
import io.dualgate.gate.Meaning;
import io.dualgate.gate.Track;
import io.dualgate.gate.checklist.FrameworkRef;
import io.dualgate.gate.checklist.ItemSpec;
import io.dualgate.gate.checklist.Verdict;
import io.dualgate.gate.template.ChecklistTemplate;
import io.dualgate.gate.template.ChecklistTemplates;
import io.dualgate.learning.LearningFixtures;
import io.dualgate.metrics.Metrics;
import io.dualgate.people.ApiTokens;
import io.dualgate.people.Role;
import io.dualgate.portfolio.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Eval results from CI as evidence, and the answer a deploy pipeline asks for: a
 * promptfoo file with 19 of 20 passing records 95.0 % and satisfies a ">= 95 %" item on
 * its suite; gate-status fails closed until the stage is reached through an approved
 * gate.
 */
@IntegrationTest
class EvalApiTests {

	private static final String SUITE = "contract-risk-regression";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	GateFixtures gates;

	@Autowired
	Gates gateService;

	@Autowired
	ChecklistTemplates templates;

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

	private MvcTestResult evals(String key, String query, String body, String bearer) {
		return this.mvc.post()
			.uri("/api/v1/prototypes/" + key + "/evals" + query)
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	@Test
	void nineteenOfTwentyRecordsNinetyFivePercentAndSatisfiesTheItemOnItsSuite() {
		// An admin adds a computed item to the technical checklist (the editor's COMPUTED
		// row), a gate opens with it, and the checklist is put back as it was.
		ChecklistTemplate current = this.templates.current(Stage.PROTOTYPE, Track.TECHNICAL).orElseThrow();
		var edit = revise(current, current.specs(), true);
		assertThat(edit).hasStatus3xxRedirection();
		String key = this.gates.prototype();
		long gateId = this.gates.open(key, "explorer").id();
		ChecklistTemplate withItem = this.templates.current(Stage.PROTOTYPE, Track.TECHNICAL).orElseThrow();
		assertThat(revise(withItem, current.specs(), false)).hasStatus3xxRedirection();
		assertThat(this.templates.current(Stage.PROTOTYPE, Track.TECHNICAL).orElseThrow().specs())
			.hasSize(current.specs().size());
		assertThat(item(gateId).verdict()).as("no run yet").isEqualTo(Verdict.FAIL);

		String explorer = this.fixtures.bearer("explorer");
		MvcTestResult recorded = evals(key, "?suite=" + SUITE + "&commit=abc123",
				PromptfooResultsTests.promptfoo(19, 20, "ignored", Instant.now().minusSeconds(600)), explorer);
		assertThat(recorded).hasStatus(201);
		assertThat(recorded).bodyJson().extractingPath("$.passRatePct").isEqualTo(95.0);
		assertThat(recorded).bodyJson().extractingPath("$.suite").isEqualTo(SUITE);
		ItemView item = item(gateId);
		assertThat(item.verdict()).isEqualTo(Verdict.PASS);
		assertThat(item.answerValue()).isEqualByComparingTo("95");
		assertThat(item.computedCount()).isEqualTo(20);
		assertThat(this.fixtures.count("""
				select count(*) from observation where metric_key = 'eval_pass_rate_pct' and value = 95
				and prototype_id = (select id from prototype where key = ?)""", key)).isEqualTo(1);
		assertThat(this.mvc.get().uri("/gates/{id}", gateId).with(user(this.gates.login("explorer")))).bodyText()
			.contains("95 % over 20 cases in the last 7 days");

		// The same promptfoo evaluation again: recorded once.
		assertThat(evals(key, "?suite=" + SUITE,
				PromptfooResultsTests.promptfoo(19, 20, "ignored", Instant.now().minusSeconds(600)), explorer))
			.hasStatusOk();

		// The technical track is signed; a worse run turns the item FAIL and invalidates
		// it.
		this.gates.answerPassing(gateId, Track.TECHNICAL, "explorer");
		this.gates.sign(gateId, Track.TECHNICAL, "explorer", Meaning.APPROVE, null);
		assertThat(evals(key, "?suite=" + SUITE,
				PromptfooResultsTests.promptfoo(18, 20, "ignored", Instant.now().minusSeconds(60)), explorer))
			.hasStatus(201);
		assertThat(item(gateId).verdict()).isEqualTo(Verdict.FAIL);
		GateView gate = this.gateService.get(gateId);
		assertThat(gate.technical().signed()).isFalse();
		assertThat(gate.technical().signatures().get(0).invalidationReason()).contains("eval_regression");

		MvcTestResult runs = this.mvc.get()
			.uri("/api/v1/prototypes/" + key + "/evals")
			.header(HttpHeaders.AUTHORIZATION, this.fixtures.bearer("executive"))
			.exchange();
		assertThat(runs).bodyJson().extractingPath("$.length()").isEqualTo(2);
		assertThat(this.mvc.get().uri("/prototypes/{key}/release", key).with(user(this.gates.login("executive"))))
			.bodyText()
			.contains(SUITE)
			.contains("90.0 %");
	}

	private ItemView item(long gateId) {
		return this.gateService.get(gateId)
			.technical()
			.items()
			.stream()
			.filter((i) -> i.code().equals("eval_regression"))
			.findFirst()
			.orElseThrow();
	}

	/** Posts the template editor with these items (and the computed eval item or not). */
	private MvcTestResult revise(ChecklistTemplate base, List<ItemSpec> specs, boolean withEvalItem) {
		var request = this.mvc.post()
			.uri("/admin/templates/{id}", base.getId())
			.param("title", "Technical Robustness Confirmation: prototype to POC")
			.param("changeNote", withEvalItem ? "eval gate for a test" : "back as it was")
			.param("baseVersion", String.valueOf(base.getVersion()))
			.with(user(this.gates.login("admin")))
			.with(csrf());
		int row = 0;
		for (ItemSpec spec : specs) {
			request = request.param("items[" + row + "].code", spec.code())
				.param("items[" + row + "].label", spec.label())
				.param("items[" + row + "].kind", spec.kind().name())
				.param("items[" + row + "].blocking", String.valueOf(spec.blocking()));
			if (spec.comparison() != null) {
				request = request.param("items[" + row + "].comparator", spec.comparison().symbol())
					.param("items[" + row + "].threshold", spec.threshold().toPlainString())
					.param("items[" + row + "].unit", spec.unit());
			}
			if (spec.metricKey() != null) {
				request = request.param("items[" + row + "].metricKey", spec.metricKey());
			}
			// the Chinese text, the help and the references too: "as it was" is bilingual
			request = request.param("items[" + row + "].labelZh", Objects.toString(spec.labelZh(), ""))
				.param("items[" + row + "].helpEn", Objects.toString(spec.helpEn(), ""))
				.param("items[" + row + "].helpZh", Objects.toString(spec.helpZh(), ""))
				.param("items[" + row + "].references",
						String.join("; ", spec.references().stream().map(FrameworkRef::key).toList()));
			row++;
		}
		if (withEvalItem) {
			request = request.param("items[" + row + "].code", "eval_regression")
				.param("items[" + row + "].label", "Regression suite passes")
				.param("items[" + row + "].kind", "COMPUTED")
				.param("items[" + row + "].comparator", ">=")
				.param("items[" + row + "].threshold", "95")
				.param("items[" + row + "].unit", "%")
				.param("items[" + row + "].metricKey", "eval_pass_rate_pct")
				.param("items[" + row + "].windowDays", "7")
				.param("items[" + row + "].param", SUITE)
				.param("items[" + row + "].blocking", "true");
		}
		return request.exchange();
	}

	@Test
	void badEvalResultsAreRefusedPreciselyAndStrangersAreRefused() {
		String key = this.gates.prototype();
		String explorer = this.fixtures.bearer("explorer");
		MvcTestResult shape = evals(key, "?suite=x", "{\"results\": {\"table\": []}}", explorer);
		assertThat(shape).hasStatus(422);
		assertThat(shape).bodyJson().extractingPath("$.field").isEqualTo("results.stats");
		assertThat(evals(key, "", "{\"passed\": 3, \"failed\": 1}", explorer)).bodyJson()
			.extractingPath("$.field")
			.isEqualTo("suite");
		assertThat(evals(key, "?suite=no%20spaces", "{\"passed\": 3, \"failed\": 1}", explorer)).bodyJson()
			.extractingPath("$.code")
			.isEqualTo("eval.suite.invalid");
		assertThat(evals(key, "", "not json", explorer)).hasStatus(400);
		MvcTestResult plain = evals(key, "",
				"""
						{"suite": "nightly", "passed": 95, "failed": 5, "run_at": "2026-01-02T02:00:00Z", "commit": "9f1c2e"}""",
				explorer);
		assertThat(plain).hasStatus(201);
		assertThat(plain).bodyJson().extractingPath("$.passRatePct").isEqualTo(95.0);
		String stranger = this.fixtures.bearer(this.gates.person("outsider", Role.EXPLORATION_PM));
		assertThat(evals(key, "", "{\"suite\": \"x\", \"passed\": 1, \"failed\": 0}", stranger)).hasStatus(403);
		assertThat(
				evals(key, "", "{\"suite\": \"x\", \"passed\": 1, \"failed\": 0}", this.fixtures.bearer("executive")))
			.hasStatus(403);
		assertThat(
				this.mvc.get().uri("/api/v1/prototypes/" + key + "/evals").header(HttpHeaders.AUTHORIZATION, stranger))
			.hasStatus(403);
		assertThat(this.fixtures.count(
				"select count(*) from eval_run where prototype_id =" + " (select id from prototype where key = ?)",
				key))
			.isEqualTo(1);
	}

	@Test
	void gateStatusFailsClosedUntilTheStageIsReachedThroughAnApprovedGate() {
		String key = this.gates.prototype();
		String pipeline = this.fixtures.bearer("deliverer");
		MvcTestResult before = gateStatus(key, "", pipeline);
		assertThat(before).hasStatus(409);
		assertThat(before).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(before).bodyJson().extractingPath("$.approved").isEqualTo(false);
		assertThat(before).bodyJson().extractingPath("$.reason").isEqualTo("NO_APPROVED_GATE");
		assertThat(before).bodyJson().extractingPath("$.stage").isEqualTo("PROTOTYPE");

		long gateId = this.gates.open(key, "explorer").id();
		MvcTestResult open = gateStatus(key, "?stage=POC", pipeline);
		assertThat(open).hasStatus(409);
		assertThat(open).bodyJson().extractingPath("$.reason").isEqualTo("STAGE_NOT_REACHED");
		assertThat(open).bodyJson().extractingPath("$.openGate.id").isEqualTo((int) gateId);
		assertThat(open).bodyJson().extractingPath("$.openGate.technicalSigned").isEqualTo(false);

		this.gates.answerPassing(gateId, Track.TECHNICAL, "explorer");
		this.gates.answerPassing(gateId, Track.COMMERCIAL, "deliverer");
		this.gates.sign(gateId, Track.TECHNICAL, "explorer", Meaning.APPROVE, null);
		this.gates.sign(gateId, Track.COMMERCIAL, "deliverer", Meaning.APPROVE, null);
		MvcTestResult approved = gateStatus(key, "?stage=POC", pipeline);
		assertThat(approved).hasStatusOk();
		assertThat(approved).bodyJson().extractingPath("$.approved").isEqualTo(true);
		assertThat(approved).bodyJson().extractingPath("$.lastDecision.status").isEqualTo("APPROVED");
		assertThat(gateStatus(key, "", this.fixtures.bearer("executive"))).hasStatusOk();
		assertThat(gateStatus(key, "?stage=PILOT", pipeline)).hasStatus(409);
		assertThat(gateStatus(key, "?stage=SIDEWAYS", pipeline)).hasStatus(422);
		assertThat(gateStatus(key, "", this.fixtures.bearer(this.gates.person("outsider", Role.DELIVERY_PM))))
			.hasStatus(403);
	}

	private MvcTestResult gateStatus(String key, String query, String bearer) {
		return this.mvc.get()
			.uri("/api/v1/prototypes/" + key + "/gate-status" + query)
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.exchange();
	}

}
