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
		};
	}

}
