package io.dualgate.learning.evals;

import java.math.BigDecimal;
import java.time.Instant;

/** A stored run of an eval suite. */
public record EvalRunView(long id, String suite, int passed, int failed, int errors, BigDecimal passRatePct,
		Instant runAt, String commit, String format, String evalId, String recordedBy, Instant recordedAt) {
}
