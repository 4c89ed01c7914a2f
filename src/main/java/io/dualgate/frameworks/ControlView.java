package io.dualgate.frameworks;

import java.util.Locale;

import io.dualgate.gate.checklist.FrameworkRef;

/**
 * One control of a framework: its clause id as the framework numbers it, and a short
 * title in our own words in both languages, with the group it belongs to (ISO/IEC 42001
 * A.6, NIST AI RMF MEASURE, ...).
 */
public record ControlView(long id, String framework, String clause, String groupKey, String groupEn, String groupZh,
		String titleEn, String titleZh) {

	public String title(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? this.titleZh : this.titleEn;
	}

	public String group(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? this.groupZh : this.groupEn;
	}

	public FrameworkRef reference() {
		return new FrameworkRef(this.framework, this.clause);
	}

}
