package io.dualgate.gate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.dualgate.gate.checklist.ItemKind;
import io.dualgate.gate.checklist.Verdict;

/**
 * A checklist item of a gate with its answer and computed verdict.
 */
public record ItemView(String code, String label, ItemKind kind, String unit, String comparator, BigDecimal threshold,
		String thresholdText, boolean blocking, String metricKey, Boolean answerYes, BigDecimal answerValue,
		String evidenceUrl, Long answeredBy, String answeredByName, Instant answeredAt, String source,
		LocalDate evidenceDate, int revision, Verdict verdict, LocalDate evidenceValidUntil,
		LocalDate evidenceExpiredOn, Integer minCount, Integer windowDays, String param, Long computedCount,
		Instant computedAsOf) {

	/** Computed from data (never answered by a person). */
	public boolean computed() {
		return this.kind == ItemKind.COMPUTED;
	}

	/** The evidence passed its last valid day. */
	public boolean evidenceExpired() {
		return this.evidenceExpiredOn != null;
	}

}
