package io.dualgate.audit;

import java.io.IOException;

import org.erdtman.jcs.JsonCanonicalizer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Canonicalization Scheme (RFC 8785): members sorted by their UTF-16 code units,
 * numbers as ECMAScript prints them, no insignificant whitespace, the minimal string
 * escapes. Two equal JSON values always give the same text, and so the same hash. Jackson
 * builds and reads the JSON; the RFC author's canonicaliser fixes its form. Runs without
 * Spring: the offline verifier uses it too.
 */
final class CanonicalJson {

	static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private CanonicalJson() {
	}

	/** The canonical text of a value that Jackson can write (maps, lists, nodes...). */
	static String write(Object value) {
		return canonicalize(MAPPER.writeValueAsString(value));
	}

	/** The canonical text of a JSON text. */
	static String canonicalize(String json) {
		try {
			// The canonicaliser takes an object or array at the top; wrapping any value
			// in an
			// array and taking the brackets off again serves strings, numbers and
			// literals
			// too.
			String wrapped = new JsonCanonicalizer("[" + json + "]").getEncodedString();
			return wrapped.substring(1, wrapped.length() - 1);
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalArgumentException("not JSON: " + ex.getMessage(), ex);
		}
	}

	/** Reads a JSON text, refusing duplicate member names. */
	static JsonNode read(String json) {
		try {
			return MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("not JSON: " + ex.getOriginalMessage(), ex);
		}
	}

}
