package io.dualgate.gate.checklist;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

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
 * @param label the question in English (always there)
 * @param kind attestation, measure or evidence link
 * @param unit the unit of a measure, e.g. {@code %}, {@code ms}, {@code USD/year}
 * @param comparison how a measure is compared with its threshold
 * @param threshold the threshold of a measure
 * @param blocking whether the item must pass before its track can be approved
 * @param metricKey the metric the item reads its value from, if bound (a computed item:
 * its computation)
 * @param minCount a computed item's least number of cases or runs
 * @param windowDays a computed item's window
 * @param param a computed item's subject (an eval suite)
 * @param labelZh the question in Simplified Chinese, or null (pages fall back to English
 * and say so)
 * @param helpEn what the item means and what counts as evidence, in English, or null
 * @param helpZh the same in Simplified Chinese, or null
 * @param references the framework controls the item helps to meet (ids only)
 */
public record ItemSpec(String code, String label, ItemKind kind, String unit, Comparison comparison,
		BigDecimal threshold, boolean blocking, String metricKey, Integer minCount, Integer windowDays, String param,
		String labelZh, String helpEn, String helpZh, List<FrameworkRef> references) {

	public ItemSpec {
		references = (references != null) ? List.copyOf(references) : List.of();
		labelZh = blankToNull(labelZh);
		helpEn = blankToNull(helpEn);
		helpZh = blankToNull(helpZh);
	}

	/** An item in English only, citing no framework. */
	public ItemSpec(String code, String label, ItemKind kind, String unit, Comparison comparison, BigDecimal threshold,
			boolean blocking, String metricKey) {
		this(code, label, kind, unit, comparison, threshold, blocking, metricKey, null, null, null);
	}

	/** An item in English only, citing no framework, computed or not. */
	public ItemSpec(String code, String label, ItemKind kind, String unit, Comparison comparison, BigDecimal threshold,
			boolean blocking, String metricKey, Integer minCount, Integer windowDays, String param) {
		this(code, label, kind, unit, comparison, threshold, blocking, metricKey, minCount, windowDays, param, null,
				null, null, List.of());
	}

	/** A typed-in item (not computed) with its Chinese text, help and references. */
	public ItemSpec(String code, String label, ItemKind kind, String unit, Comparison comparison, BigDecimal threshold,
			boolean blocking, String metricKey, String labelZh, String helpEn, String helpZh,
			List<FrameworkRef> references) {
		this(code, label, kind, unit, comparison, threshold, blocking, metricKey, null, null, null, labelZh, helpEn,
				helpZh, references);
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

	/** The same item with its Chinese text, help and framework references. */
	public ItemSpec withTexts(String labelZh, String helpEn, String helpZh, List<FrameworkRef> references) {
		return new ItemSpec(this.code, this.label, this.kind, this.unit, this.comparison, this.threshold, this.blocking,
				this.metricKey, this.minCount, this.windowDays, this.param, labelZh, helpEn, helpZh, references);
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

	/** The question in the reader's language, English where no translation exists. */
	public String label(Locale locale) {
		return (Bilingual.chinese(locale) && this.labelZh != null) ? this.labelZh : this.label;
	}

	/** The help in the reader's language, English where no translation exists. */
	public String help(Locale locale) {
		return (Bilingual.chinese(locale) && this.helpZh != null) ? this.helpZh : this.helpEn;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
