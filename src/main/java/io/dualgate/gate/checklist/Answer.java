package io.dualgate.gate.checklist;

import java.math.BigDecimal;

/**
 * An answer to one checklist item: only the field that matches the item's kind counts.
 *
 * @param yes for an attestation
 * @param value for a measure, in the item's unit
 * @param evidenceUrl a link to the evidence (required for an evidence-link item, optional
 * otherwise)
 */
public record Answer(Boolean yes, BigDecimal value, String evidenceUrl) {

	public static Answer yes(boolean yes) {
		return new Answer(yes, null, null);
	}

	public static Answer value(String value) {
		return new Answer(null, new BigDecimal(value), null);
	}

	public static Answer link(String url) {
		return new Answer(null, null, url);
	}

}
