package io.dualgate.gate.checklist;

import io.dualgate.gate.checklist.Answer;
import io.dualgate.gate.checklist.ChecklistRule;
import io.dualgate.gate.checklist.Comparison;
import io.dualgate.gate.checklist.ItemSpec;
import io.dualgate.gate.checklist.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChecklistRuleTests {

	ItemSpec availability = ItemSpec.measure("availability_pct", "A", "%", Comparison.AT_LEAST, "99.95", true, null);

	ItemSpec latency = ItemSpec.measure("rag_latency_p95_ms", "L", "ms", Comparison.AT_MOST, "300", true, null);

	ItemSpec ltv = ItemSpec.measure("ltv_cac", "R", "ratio", Comparison.ABOVE, "3", true, null);

	ItemSpec churn = ItemSpec.measure("churn", "C", "%", Comparison.BELOW, "5", true, null);

	@Test
	void measuresCompareWithTheirThresholdIncludingTheBoundary() {
		assertThat(ChecklistRule.evaluate(this.availability, Answer.value("99.95"))).isEqualTo(Verdict.PASS);
		assertThat(ChecklistRule.evaluate(this.availability, Answer.value("99.949"))).isEqualTo(Verdict.FAIL);
		assertThat(ChecklistRule.evaluate(this.latency, Answer.value("300"))).isEqualTo(Verdict.PASS);
		assertThat(ChecklistRule.evaluate(this.latency, Answer.value("287"))).isEqualTo(Verdict.PASS);
		assertThat(ChecklistRule.evaluate(this.latency, Answer.value("300.01"))).isEqualTo(Verdict.FAIL);
		assertThat(ChecklistRule.evaluate(this.ltv, Answer.value("3"))).isEqualTo(Verdict.FAIL);
		assertThat(ChecklistRule.evaluate(this.ltv, Answer.value("3.1"))).isEqualTo(Verdict.PASS);
		assertThat(ChecklistRule.evaluate(this.churn, Answer.value("5"))).isEqualTo(Verdict.FAIL);
		assertThat(ChecklistRule.evaluate(this.churn, Answer.value("4.99"))).isEqualTo(Verdict.PASS);
	}

	@Test
	void unansweredItemsAreOpenNotPassing() {
		assertThat(ChecklistRule.evaluate(this.availability, null)).isEqualTo(Verdict.OPEN);
		assertThat(ChecklistRule.evaluate(this.availability, new Answer(null, null, null))).isEqualTo(Verdict.OPEN);
		assertThat(Verdict.OPEN.passes()).isFalse();
	}

	@Test
	void attestationsPassOnYesOnly() {
		ItemSpec spec = ItemSpec.attestation("fallback_plan", "F", true);
		assertThat(ChecklistRule.evaluate(spec, Answer.yes(true))).isEqualTo(Verdict.PASS);
		assertThat(ChecklistRule.evaluate(spec, Answer.yes(false))).isEqualTo(Verdict.FAIL);
	}

	@Test
	void evidenceLinksMustBeWebLinks() {
		ItemSpec spec = ItemSpec.link("white_paper", "W", true);
		assertThat(ChecklistRule.evaluate(spec, Answer.link("https://wiki.example/paper"))).isEqualTo(Verdict.PASS);
		assertThat(ChecklistRule.evaluate(spec, Answer.link("javascript:alert(1)"))).isEqualTo(Verdict.FAIL);
		assertThat(ChecklistRule.evaluate(spec, Answer.link("see email"))).isEqualTo(Verdict.FAIL);
		assertThat(ChecklistRule.evaluate(spec, Answer.link(""))).isEqualTo(Verdict.OPEN);
	}

}
