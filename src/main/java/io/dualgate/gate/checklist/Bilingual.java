package io.dualgate.gate.checklist;

import java.util.Locale;

/**
 * The two languages a checklist item is written in: English (always) and Simplified
 * Chinese (where given). A reader of any Chinese locale gets the Chinese text.
 */
public final class Bilingual {

	private Bilingual() {
	}

	public static boolean chinese(Locale locale) {
		return locale != null && "zh".equals(locale.getLanguage());
	}

}
