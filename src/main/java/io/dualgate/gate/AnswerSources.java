package io.dualgate.gate;

import java.util.Set;

/**
 * Where an answer came from, as the message code that names it in the reader's language.
 * The stored value ({@code FORM}, {@code API}, {@code metric:CSV}, ...) stays as it was
 * recorded; pages, the record and the PDF show its name from the message bundles.
 */
final class AnswerSources {

	private static final Set<String> KNOWN = Set.of("FORM", "API", "CSV", "POC", "DEMO", "evidence-expiry");

	private AnswerSources() {
	}

	static String messageCode(String source) {
		if (source == null || source.isBlank()) {
			return null;
		}
		if (source.startsWith("metric:")) {
			String from = source.substring("metric:".length());
			return KNOWN.contains(from) ? "gate.source.metric." + from : "gate.source.metric";
		}
		return KNOWN.contains(source) ? "gate.source." + source : "gate.source.other";
	}

}
