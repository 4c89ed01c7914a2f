package io.dualgate.gate.checklist;

import java.math.BigDecimal;

/**
 * What a checklist item asks, as a template defines it and a gate copies it.
 *
 * <p>
 * A {@link ItemKind#COMPUTED} item names its computation in {@code metricKey} (e.g.
 * {@code human_acceptance_rate_pct}), its subject in {@code param} (e.g. an eval suite),
 * the window in {@code windowDays} and the least number of cases (or runs) in
 * {@code minCount}.
 *
 * @param code stable key of the item within its track, e.g. {@code availability_pct}
 * @param label the question as people read it
 * @param kind attestation, measure or evidence link
 * @param unit the unit of a measure, e.g. {@code %}, {@code ms}, {@code USD/year}
 * @param comparison how a measure is compared with its threshold
 * @param threshold the threshold of a measure
 * @param blocking whether the item must pass before its track can be approved
 * @param metricKey the metric the item reads its value from, if bound
 */
public record ItemSpec(String code, String label, ItemKind kind, String unit, Comparison comparison,
		BigDecimal threshold, boolean blocking, String metricKey, Integer minCount, Integer windowDays, String param) {

	public ItemSpec(String code, String label, ItemKind kind, String unit, Comparison comparison, BigDecimal threshold,
			boolean blocking, String metricKey) {
		this(code, label, kind, unit, comparison, threshold, blocking, metricKey, null, null, null);
	}

	public static ItemSpec computed(String code, String label, String unit, Comparison comparison, String threshold,
			boolean blocking, String computation, String param, Integer minCount, int windowDays) {
		return new ItemSpec(code, label, ItemKind.COMPUTED, unit, comparison, new BigDecimal(threshold), blocking,
				computation, minCount, windowDays, param);
	}

	public static ItemSpec attestation(String code, String label, boolean blocking) {
		return new ItemSpec(code, label, ItemKind.ATTESTATION, null, null, null, blocking, null);
	}

	public static ItemSpec link(String code, String label, boolean blocking) {
		return new ItemSpec(code, label, ItemKind.EVIDENCE_LINK, null, null, null, blocking, null);
	}

	public static ItemSpec measure(String code, String label, String unit, Comparison comparison, String threshold,
			boolean blocking, String metricKey) {
		return new ItemSpec(code, label, ItemKind.MEASURE, unit, comparison, new BigDecimal(threshold), blocking,
				metricKey);
	}

	/** The threshold as people read it: {@code >= 99.95 %}. */
	public String thresholdText() {
		if (this.kind != ItemKind.MEASURE && this.kind != ItemKind.COMPUTED) {
			return "";
		}
		String text = this.comparison.symbol() + " " + this.threshold.stripTrailingZeros().toPlainString() + " "
				+ this.unit;
		if (this.kind == ItemKind.COMPUTED) {
			text += ((this.minCount != null) ? ", n >= " + this.minCount : "") + ", " + this.windowDays + " d";
		}
		return text;
	}

}
