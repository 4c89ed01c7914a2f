package io.dualgate.learning.evals;

import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import io.dualgate.learning.Json;
import io.dualgate.shared.InvalidFieldException;
import tools.jackson.databind.JsonNode;

/**
 * Reads an eval result posted by a CI pipeline: a promptfoo results file
 * ({@code promptfoo eval --output results.json}: {@code {"evalId", "results":
 * {"timestamp", "results": [{"success": true, ...}], "stats": {"successes", "failures",
 * "errors"}}, "config": {"description"}}}, or the same without the outer wrapper), or the
 * plain form {@code {"suite", "passed", "failed", "run_at", "commit"}}. A body of any
 * other shape is refused with the path of what is missing.
 */
final class PromptfooResults {

	static final int MAX_TESTS = 10_000_000;

	private PromptfooResults() {
	}

	/**
	 * @param suite the suite named by the request ({@code ?suite=}), or null to take the
	 * promptfoo file's {@code config.description}
	 * @param commit the commit named by the request, or null
	 * @param now the time of a run that states none
	 */
	static EvalRun read(JsonNode body, String suite, String commit, Instant now) {
		if (!body.isObject()) {
			throw new InvalidFieldException("body", "eval.shape.notObject");
		}
		if (Json.field(body, "results") != null) {
			return promptfoo(body, suite, commit, now);
		}
		if (Json.field(body, "passed") != null || Json.field(body, "failed") != null) {
			return plain(body, suite, commit, now);
		}
		throw new InvalidFieldException("body", "eval.shape.unknown");
	}

	private static EvalRun promptfoo(JsonNode body, String suite, String commit, Instant now) {
		JsonNode results = Json.field(body, "results");
		JsonNode summary = results;
		String prefix = "results.";
		// promptfoo's file wraps the summary ({"evalId", "results": {..., "stats"}}); an
		// older or programmatic output is the summary itself ({"results": [...],
		// "stats"}).
		if (results.isArray()) {
			summary = body;
			prefix = "";
		}
		if (!summary.isObject()) {
			throw new InvalidFieldException("results", "eval.shape.notObject");
		}
		JsonNode stats = Json.field(summary, "stats");
		JsonNode cases = Json.field(summary, "results");
		int passed;
		int failed;
		int errors;
		if (stats != null) {
			if (!stats.isObject()) {
				throw new InvalidFieldException(prefix + "stats", "eval.shape.notObject");
			}
			passed = count(stats, "successes", prefix + "stats.successes", true);
			failed = count(stats, "failures", prefix + "stats.failures", true);
			errors = count(stats, "errors", prefix + "stats.errors", false);
			if (cases != null && cases.isArray() && cases.size() > 0) {
				int succeeded = 0;
				for (JsonNode c : cases) {
					JsonNode success = Json.field(c, "success");
					if (success != null && success.isBoolean() && success.booleanValue()) {
						succeeded++;
					}
				}
				if (cases.size() == passed + failed + errors && succeeded != passed) {
					throw new InvalidFieldException(prefix + "stats.successes", "eval.stats.mismatch", passed,
							succeeded);
				}
			}
		}
		else if (cases != null && cases.isArray()) {
			passed = 0;
			failed = 0;
			errors = 0;
			for (int i = 0; i < cases.size(); i++) {
				JsonNode success = Json.field(cases.get(i), "success");
				if (success == null || !success.isBoolean()) {
					throw new InvalidFieldException(prefix + "results[" + i + "].success", "eval.shape.success");
				}
				if (success.booleanValue()) {
					passed++;
				}
				else {
					failed++;
				}
			}
		}
		else {
			throw new InvalidFieldException(prefix + "stats", "eval.shape.stats");
		}
		if (passed + failed + errors == 0) {
			throw new InvalidFieldException(prefix + "stats", "eval.empty");
		}
		String name = suite;
		if (name == null) {
			JsonNode config = Json.field(body, "config");
			name = (config != null && config.isObject()) ? Json.text(config, "description", "config.description", 200)
					: null;
		}
		if (name == null) {
			throw new InvalidFieldException("suite", "eval.suite.required");
		}
		Instant runAt = instant(Json.field(summary, "timestamp"), prefix + "timestamp");
		if (runAt == null) {
			runAt = instant(Json.field(body, "timestamp"), "timestamp");
		}
		String evalId = Json.text(body, "evalId", "evalId", 100);
		return new EvalRun(name, passed, failed, errors, (runAt != null) ? runAt : now, commit, "PROMPTFOO", evalId);
	}

	private static EvalRun plain(JsonNode body, String suite, String commit, Instant now) {
		String name = (suite != null) ? suite : Json.text(body, "suite", "suite", 200);
		if (name == null) {
			throw new InvalidFieldException("suite", "learning.field.required");
		}
		int passed = count(body, "passed", "passed", true);
		int failed = count(body, "failed", "failed", true);
		if (passed + failed == 0) {
			throw new InvalidFieldException("passed", "eval.empty");
		}
		Instant runAt = instant(Json.field(body, "run_at"), "run_at");
		String sha = (commit != null) ? commit : Json.text(body, "commit", "commit", 64);
		return new EvalRun(name, passed, failed, 0, (runAt != null) ? runAt : now, sha, "PLAIN", null);
	}

	/** A count: a whole JSON number from 0 (required, or 0 when absent). */
	private static int count(JsonNode object, String name, String path, boolean required) {
		JsonNode node = Json.field(object, name);
		if (node == null) {
			if (required) {
				throw new InvalidFieldException(path, "learning.field.required");
			}
			return 0;
		}
		if (!node.isIntegralNumber()) {
			throw new InvalidFieldException(path, "eval.count.invalid", Json.excerpt(node.toString()));
		}
		BigInteger value = node.bigIntegerValue();
		if (value.signum() < 0 || value.compareTo(BigInteger.valueOf(MAX_TESTS)) > 0) {
			throw new InvalidFieldException(path, "eval.count.invalid", Json.excerpt(value.toString()));
		}
		return value.intValueExact();
	}

	/**
	 * An ISO time with offset, or epoch milliseconds (promptfoo writes both in places).
	 */
	private static Instant instant(JsonNode node, String path) {
		if (node == null) {
			return null;
		}
		if (node.isIntegralNumber()) {
			BigInteger millis = node.bigIntegerValue();
			if (millis.signum() <= 0 || millis.bitLength() > 50) {
				throw new InvalidFieldException(path, "learning.field.notInstant", Json.excerpt(node.toString()));
			}
			return Instant.ofEpochMilli(millis.longValueExact());
		}
		if (!node.isString()) {
			throw new InvalidFieldException(path, "learning.field.notInstant", Json.excerpt(node.toString()));
		}
		try {
			return OffsetDateTime.parse(node.asString().strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidFieldException(path, "learning.field.notInstant", Json.excerpt(node.asString()));
		}
	}

}
