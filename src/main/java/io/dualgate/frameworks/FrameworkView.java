package io.dualgate.frameworks;

import java.util.Locale;

/**
 * A framework of the catalogue and whether it applies to the organisation.
 *
 * @param key the key references use ({@code ISO42001}, {@code EUAIACT},
 * {@code NISTAIRMF})
 * @param controls how many controls it has in the catalogue
 */
public record FrameworkView(String key, String nameEn, String nameZh, String edition, boolean applicable,
		int controls) {

	public String name(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? this.nameZh : this.nameEn;
	}

}
