package io.dualgate.learning.evals;

import java.time.Instant;

import io.dualgate.shared.InvalidFieldException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading eval results as CI posts them: promptfoo's results file (with or without its
 * outer wrapper) and the plain form; a body of another shape is refused with the path of
 * what is wrong.
 */
class PromptfooResultsTests {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
		.build();

	private static final Instant NOW = Instant.parse("2026-08-03T10:00:00Z");

	/** A promptfoo results file: {@code passed} of {@code total} tests succeeded. */
	static String promptfoo(int passed, int total, String description) {
		return promptfoo(passed, total, description, Instant.parse("2026-08-02T21:15:00Z"));
	}

	/** The same, run at {@code timestamp}. */
	static String promptfoo(int passed, int total, String description, Instant timestamp) {
		StringBuilder results = new StringBuilder();
		for (int i = 0; i < total; i++) {
			results.append((i > 0) ? "," : "")
				.append("{\"id\": \"r")
				.append(i)
				.append("\", \"success\": ")
				.append(i < passed)
				.append(", \"score\": ")
				.append((i < passed) ? 1 : 0)
				.append(", \"gradingResult\": {\"pass\": ")
				.append(i < passed)
				.append("}}");
		}
		return """
				{"evalId": "eval-%d-%d", "results": {"version": 3, "timestamp": "%s",
				  "prompts": [], "results": [%s],
				  "stats": {"successes": %d, "failures": %d, "errors": 0, "tokenUsage": {"total": 1234}}},
				 "config": {"description": "%s"}, "shareableUrl": null}""".formatted(passed, total, timestamp, results,
				passed, total - passed, description);
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}

	@Test
	void nineteenOfTwentyPassingIsNinetyFivePercent() {
		EvalRun run = PromptfooResults.read(json(promptfoo(19, 20, "contract-risk-regression")), null, "abc123", NOW);
		assertThat(run.suite()).isEqualTo("contract-risk-regression");
		assertThat(run.passed()).isEqualTo(19);
		assertThat(run.failed()).isEqualTo(1);
		assertThat(run.passRatePct()).isEqualByComparingTo("95.0");
		assertThat(run.passRatePct().toPlainString()).isEqualTo("95.000");
		assertThat(run.runAt()).isEqualTo(Instant.parse("2026-08-02T21:15:00Z"));
		assertThat(run.commit()).isEqualTo("abc123");
		assertThat(run.evalId()).isEqualTo("eval-19-20");
		assertThat(run.format()).isEqualTo("PROMPTFOO");
	}

	@Test
	void theSuiteNamedByTheRequestWinsAndTheUnwrappedShapeIsReadToo() {
		String unwrapped = """
				{"version": 2, "timestamp": 1785707700000, "results": [{"success": true}, {"success": false},
				 {"success": true}, {"success": true}], "stats": {"successes": 3, "failures": 1}}""";
		EvalRun run = PromptfooResults.read(json(unwrapped), "smoke", null, NOW);
		assertThat(run.suite()).isEqualTo("smoke");
		assertThat(run.passRatePct()).isEqualByComparingTo("75");
		assertThat(run.runAt()).isEqualTo(Instant.ofEpochMilli(1785707700000L));
		EvalRun counted = PromptfooResults.read(json("{\"results\": [{\"success\": true}, {\"success\": false}]}"),
				"smoke", null, NOW);
		assertThat(counted.passed()).isEqualTo(1);
		assertThat(counted.runAt()).as("no time stated: now").isEqualTo(NOW);
	}

	@Test
	void thePlainFormCarriesItsOwnSuiteAndCommit() {
		EvalRun run = PromptfooResults.read(
				json("""
						{"suite": "nightly", "passed": 95, "failed": 5, "run_at": "2026-08-01T02:00:00Z", "commit": "9f1c2e"}"""),
				null, null, NOW);
		assertThat(run.suite()).isEqualTo("nightly");
		assertThat(run.passRatePct()).isEqualByComparingTo("95");
		assertThat(run.commit()).isEqualTo("9f1c2e");
		assertThat(run.format()).isEqualTo("PLAIN");
	}

	@Test
	void aFileOfTheWrongShapeIsRefusedNamingWhatIsWrong() {
		assertRefused("{\"results\": {\"table\": []}}", "x", "results.stats", "eval.shape.stats");
		assertRefused("{\"results\": {\"stats\": {\"successes\": 19}}}", "x", "results.stats.failures",
				"learning.field.required");
		assertRefused("{\"results\": {\"stats\": {\"successes\": -1, \"failures\": 2}}}", "x",
				"results.stats.successes", "eval.count.invalid");
		assertRefused("{\"results\": {\"stats\": {\"successes\": 1.5, \"failures\": 2}}}", "x",
				"results.stats.successes", "eval.count.invalid");
		assertRefused("{\"results\": {\"stats\": {\"successes\": 0, \"failures\": 0}}}", "x", "results.stats",
				"eval.empty");
		assertRefused(
				"{\"results\": {\"stats\": {\"successes\": 3, \"failures\": 1}, \"results\": [{\"success\":"
						+ " true}, {\"success\": false}, {\"success\": false}, {\"success\": false}]}}",
				"x", "results.stats.successes", "eval.stats.mismatch");
		assertRefused("{\"results\": {\"stats\": {\"successes\": 3, \"failures\": 1}}}", null, "suite",
				"eval.suite.required");
		assertRefused("{\"results\": [{\"success\": \"yes\"}]}", "x", "results[0].success", "eval.shape.success");
		assertRefused("{\"score\": 0.95}", "x", "body", "eval.shape.unknown");
		assertRefused("[1, 2]", "x", "body", "eval.shape.notObject");
		assertRefused("{\"passed\": 3, \"failed\": 1}", null, "suite", "learning.field.required");
	}

	private static void assertRefused(String body, String suite, String field, String code) {
		assertThatThrownBy(() -> PromptfooResults.read(json(body), suite, null, NOW))
			.isInstanceOfSatisfying(InvalidFieldException.class, (ex) -> {
				assertThat(ex.field()).isEqualTo(field);
				assertThat(ex.messageCode()).isEqualTo(code);
			});
	}

}
