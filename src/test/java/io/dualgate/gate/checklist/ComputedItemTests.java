package io.dualgate.gate.checklist;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Computed items: PASS only with a value that meets the threshold over enough cases; no
 * data is a FAIL (nobody can type a value in).
 */
class ComputedItemTests {

	private static final ItemSpec ACCEPTANCE = ItemSpec.computed("acceptance_rate", "People accept", "%",
			Comparison.AT_LEAST, "95", true, "human_acceptance_rate_pct", null, 200, 30);

	private static final ItemSpec NO_CRITICAL = ItemSpec.computed("no_critical_case", "No critical case", "cases",
			Comparison.AT_MOST, "0", true, "human_critical_cases", null, null, 30);

	@Test
	void aRateOverEnoughCasesPasses() {
		assertThat(ChecklistRule.evaluateComputed(ACCEPTANCE, new BigDecimal("95.0"), 200L)).isEqualTo(Verdict.PASS);
		assertThat(ChecklistRule.evaluateComputed(ACCEPTANCE, new BigDecimal("94.99"), 500L)).isEqualTo(Verdict.FAIL);
		assertThat(ChecklistRule.evaluateComputed(ACCEPTANCE, new BigDecimal("100"), 199L)).as("too few cases")
			.isEqualTo(Verdict.FAIL);
		assertThat(ChecklistRule.evaluateComputed(ACCEPTANCE, null, null)).as("no data").isEqualTo(Verdict.FAIL);
	}

	@Test
	void aCountWithoutAMinimumComparesTheValueOnly() {
		assertThat(ChecklistRule.evaluateComputed(NO_CRITICAL, BigDecimal.ZERO, 12L)).isEqualTo(Verdict.PASS);
		assertThat(ChecklistRule.evaluateComputed(NO_CRITICAL, BigDecimal.ONE, 12L)).isEqualTo(Verdict.FAIL);
	}

	@Test
	void theThresholdTextNamesTheWindowAndTheMinimum() {
		assertThat(ACCEPTANCE.thresholdText()).isEqualTo(">= 95 %, n >= 200, 30 d");
		assertThat(NO_CRITICAL.thresholdText()).isEqualTo("<= 0 cases, 30 d");
	}

}
