package io.dualgate.gate.checklist;

import java.net.URI;
import java.util.Locale;

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
					: (isWebLink(answer.evidenceUrl()) ? Verdict.PASS : Verdict.FAIL);
		};
	}

	/** Evidence must be a real http(s) link, not free text that looks like one. */
	static boolean isWebLink(String url) {
		try {
			URI uri = URI.create(url.strip());
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
