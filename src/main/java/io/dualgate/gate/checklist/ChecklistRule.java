package io.dualgate.gate.checklist;

import io.dualgate.shared.WebLinks;

/**
 * The checklist threshold rule: computes PASS, FAIL or OPEN (unanswered) for an item from
 * its answer. Nobody types a verdict in.
 */
public final class ChecklistRule {

	private ChecklistRule() {
	}

	public static Verdict evaluate(ItemSpec spec, Answer answer) {
		if (answer == null) {
			return Verdict.OPEN;
		}
		return switch (spec.kind()) {
			case ATTESTATION -> (answer.yes() == null) ? Verdict.OPEN : (answer.yes() ? Verdict.PASS : Verdict.FAIL);
			case MEASURE -> (answer.value() == null) ? Verdict.OPEN
					: (spec.comparison().holds(answer.value(), spec.threshold()) ? Verdict.PASS : Verdict.FAIL);
			case EVIDENCE_LINK -> (answer.evidenceUrl() == null || answer.evidenceUrl().isBlank()) ? Verdict.OPEN
					: (WebLinks.isWebLink(answer.evidenceUrl()) ? Verdict.PASS : Verdict.FAIL);
			case COMPUTED -> evaluateComputed(spec, answer.value(), null);
		};
	}

	/**
	 * A computed item: PASS when there is a value, it rests on at least the required
	 * number of cases (or runs), and it meets the threshold; FAIL otherwise, including
	 * when there is no data at all (nobody can type one in).
	 * @param count how many cases the value rests on ({@code null}: not counted)
	 */
	public static Verdict evaluateComputed(ItemSpec spec, java.math.BigDecimal value, Long count) {
		if (value == null) {
			return Verdict.FAIL;
		}
		if (spec.minCount() != null && (count == null || count < spec.minCount())) {
			return Verdict.FAIL;
		}
		return spec.comparison().holds(value, spec.threshold()) ? Verdict.PASS : Verdict.FAIL;
	}

}
