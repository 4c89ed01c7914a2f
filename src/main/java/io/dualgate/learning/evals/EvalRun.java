package io.dualgate.learning.evals;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One run of an eval suite as read from a request, before it is stored.
 *
 * @param errors tests that errored (counted as not passed)
 * @param evalId promptfoo's id of the evaluation, if any (a run is recorded once)
 */
public record EvalRun(String suite, int passed, int failed, int errors, Instant runAt, String commit, String format,
		String evalId) {

	public int total() {
		return this.passed + this.failed + this.errors;
	}

	/** Passed over all tests, in percent with three decimals (19 of 20: 95.000). */
	public BigDecimal passRatePct() {
		return BigDecimal.valueOf(this.passed * 100L)
			.divide(BigDecimal.valueOf(total()), 3, java.math.RoundingMode.HALF_UP);
	}

}
