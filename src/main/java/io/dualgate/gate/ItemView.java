package io.dualgate.gate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.dualgate.gate.checklist.Bilingual;
import io.dualgate.gate.checklist.FrameworkRef;
import io.dualgate.gate.checklist.ItemKind;
import io.dualgate.gate.checklist.Verdict;

/**
 * A checklist item of a gate with its answer and computed verdict.
 *
 * @param label the question in English
 * @param labelZh the question in Simplified Chinese, or null
 * @param helpEn the help in English, or null
 * @param helpZh the help in Simplified Chinese, or null
 * @param references the framework controls the item helps to meet
 */
public record ItemView(String code, String label, ItemKind kind, String unit, String comparator, BigDecimal threshold,
		String thresholdText, boolean blocking, String metricKey, Boolean answerYes, BigDecimal answerValue,
		String evidenceUrl, Long answeredBy, String answeredByName, Instant answeredAt, String source,
		LocalDate evidenceDate, int revision, Verdict verdict, LocalDate evidenceValidUntil,
		LocalDate evidenceExpiredOn, Integer minCount, Integer windowDays, String param, Long computedCount,
		Instant computedAsOf, String labelZh, String helpEn, String helpZh, List<FrameworkRef> references) {

	/** Computed from data (never answered by a person). */
	public boolean computed() {
		return this.kind == ItemKind.COMPUTED;
	}

	/** The evidence passed its last valid day. */
	public boolean evidenceExpired() {
		return this.evidenceExpiredOn != null;
	}

	/** The question in the reader's language (English where it has no translation). */
	public String label(Locale locale) {
		return (Bilingual.chinese(locale) && this.labelZh != null) ? this.labelZh : this.label;
	}

	/**
	 * The help in the reader's language (English where it has no translation), or null.
	 */
	public String help(Locale locale) {
		return (Bilingual.chinese(locale) && this.helpZh != null) ? this.helpZh : this.helpEn;
	}

	/**
	 * Whether the reader's language has no text of its own here, so English is shown (the
	 * page says so next to it).
	 */
	public boolean untranslated(Locale locale) {
		return Bilingual.chinese(locale) && this.labelZh == null;
	}

	/**
	 * The message code naming where the answer came from ({@code gate.source.FORM},
	 * {@code gate.source.metric.CSV}, ...), or null when unanswered.
	 */
	public String sourceCode() {
		return AnswerSources.messageCode(this.source);
	}

}
