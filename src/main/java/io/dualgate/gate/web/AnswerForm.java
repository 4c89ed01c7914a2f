package io.dualgate.gate.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.dualgate.gate.checklist.Answer;
import io.dualgate.shared.Decimals;
import io.dualgate.shared.HttpUrl;
import io.dualgate.shared.WebLinks;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The answer to one item as a browser posts it. Only the field of the item's kind is
 * used.
 *
 * @param yes {@code true}/{@code false} for an attestation
 * @param value a measured value in the item's unit
 * @param evidenceUrl a link to the evidence
 * @param revision the item revision the form showed
 * @param validUntil the last day the evidence holds (optional)
 */
record AnswerForm(Boolean yes,
		@Digits(integer = Decimals.MEASURE_INTEGER_DIGITS, fraction = Decimals.MEASURE_SCALE) BigDecimal value,
		@Size(max = WebLinks.MAX_LENGTH) @HttpUrl String evidenceUrl, Integer revision,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil) {

	Answer toAnswer() {
		return new Answer(this.yes, this.value, this.evidenceUrl, this.validUntil);
	}

}
