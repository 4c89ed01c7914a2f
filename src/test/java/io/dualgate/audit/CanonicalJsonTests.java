package io.dualgate.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the audit trail hashes is RFC 8785 canonical JSON: the RFC's own examples, and the
 * values the application writes.
 */
class CanonicalJsonTests {

	@Test
	void printsTheRfcExampleExactly() {
		String input = "{\n \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
				+ " \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
				+ " \"literals\": [null, true, false]\n}";
		assertThat(CanonicalJson.canonicalize(input))
			.isEqualTo("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
					+ "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
	}

	@Test
	void sortsMembersByUtf16CodeUnitsAsTheRfcDoes() {
		String input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew\","
				+ "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji\",\"\\u0080\":\"Control\",\"\\u00f6\":\"o\"}";
		String canonical = CanonicalJson.canonicalize(input);
		assertThat(canonical).containsSubsequence("\"\\r\"", "\"1\"", "\"\u0080\"", "\"\u00f6\"", "\"\u20ac\"",
				"\"\ud83d\ude00\"", "\"\ufb33\"");
	}

	@Test
	void equalValuesGiveTheSameTextWhateverTheirOrderOrSpacing() {
		assertThat(CanonicalJson.canonicalize("{ \"b\" : [1, 2.0], \"a\" : \"x\" }"))
			.isEqualTo(CanonicalJson.canonicalize("{\"a\":\"x\",\"b\":[1.0,2]}"))
			.isEqualTo("{\"a\":\"x\",\"b\":[1,2]}");
	}

	@Test
	void auditValuesAreSortedJsonWithTheirTypes() {
		String values = AuditLog.values("track", "TECHNICAL", "answer", new BigDecimal("99.950"), "valid", true,
				"signature", 42L, "roles", List.of("ADMIN", "AUDITOR"), "until", LocalDate.of(2026, 3, 1), "at",
				Instant.parse("2026-03-01T10:15:30Z"), "note", null);
		assertThat(values).isEqualTo("{\"answer\":\"99.950\",\"at\":\"2026-03-01T10:15:30Z\",\"note\":null,"
				+ "\"roles\":[\"ADMIN\",\"AUDITOR\"],\"signature\":42,\"track\":\"TECHNICAL\",\"until\":\"2026-03-01\","
				+ "\"valid\":true}");
	}

	@Test
	void aValueThatContainsQuotesOrEqualsSignsCannotPassForAnother() {
		// With Map.toString() {a=1, b=2} and {a=1, b=2} from a = "1, b=2" printed alike.
		assertThat(AuditLog.values("a", "1, b=2")).isNotEqualTo(AuditLog.values("a", "1", "b", "2"));
		assertThat(AuditLog.values("a", "\"}")).isEqualTo("{\"a\":\"\\\"}\"}");
	}

	@Test
	void freeTextIsStoredAsAJsonStringAndJsonInItsCanonicalForm() {
		assertThat(AuditLog.json("demo data")).isEqualTo("\"demo data\"");
		assertThat(AuditLog.json("{\"b\": 1, \"a\": 2}")).isEqualTo("{\"a\":2,\"b\":1}");
		assertThat(AuditLog.json("{not json")).isEqualTo("\"{not json\"");
		assertThat(AuditLog.json(null)).isNull();
	}

}
