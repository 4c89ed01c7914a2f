package io.dualgate.gate.checklist;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An answer to one checklist item: only the field that matches the item's kind counts.
 *
 * @param yes for an attestation
 * @param value for a measure, in the item's unit
 * @param evidenceUrl a link to the evidence (required for an evidence-link item, optional
 * otherwise)
 * @param validUntil the last day the evidence holds (optional); after it the item fails
 */
public record Answer(Boolean yes, BigDecimal value, String evidenceUrl, LocalDate validUntil) {

	public Answer(Boolean yes, BigDecimal value, String evidenceUrl) {
		this(yes, value, evidenceUrl, null);
	}

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
