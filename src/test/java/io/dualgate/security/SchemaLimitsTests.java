package io.dualgate.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.dualgate.IntegrationTest;
import io.dualgate.gate.Track;
import io.dualgate.shared.Decimals;
import io.dualgate.shared.WebLinks;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One source for each limit (issue 12, defect 3): the Bean Validation limits of the forms
 * that write a column are the column's own, read from the schema
 * ({@code information_schema.columns}), and every numeric column of the schema has a
 * precision that a Java limit names. A limit changed on one side only fails here.
 */
@IntegrationTest
class SchemaLimitsTests {

	/** Numeric columns a form writes, and the form field that writes them. */
	private static final Map<String, String> DIGITS = new LinkedHashMap<>();

	/** Text columns a form writes, and the form field that writes them. */
	private static final Map<String, String> SIZES = new LinkedHashMap<>();

	static {
		DIGITS.put("gate_item.answer_value", "io.dualgate.gate.web.AnswerForm#value");
		DIGITS.put("gate_item.threshold", "io.dualgate.gate.template.TemplateForm$Row#threshold");
		DIGITS.put("checklist_template_item.threshold", "io.dualgate.gate.template.TemplateForm$Row#threshold");
		DIGITS.put("kill_criterion.threshold", "io.dualgate.metrics.KillCriterionForm#threshold");
		DIGITS.put("metric_definition.min_value", "io.dualgate.metrics.DefinitionForm#minValue");
		DIGITS.put("metric_definition.max_value", "io.dualgate.metrics.DefinitionForm#maxValue");
		DIGITS.put("poc.willingness_to_pay_usd", "io.dualgate.poc.PocForm#willingnessToPayUsdPerYear");
		DIGITS.put("alignment_pair.target_r", "io.dualgate.alignment.PairForm#targetR");

		SIZES.put("gate_item.evidence_url", "io.dualgate.gate.web.AnswerForm#evidenceUrl");
		SIZES.put("gate_signature.reason", "io.dualgate.gate.web.SignForm#reason");
		SIZES.put("checklist_template.title", "io.dualgate.gate.template.TemplateForm#title");
		SIZES.put("checklist_template.change_note", "io.dualgate.gate.template.TemplateForm#changeNote");
		SIZES.put("checklist_template_item.code", "io.dualgate.gate.template.TemplateForm$Row#code");
		SIZES.put("checklist_template_item.label", "io.dualgate.gate.template.TemplateForm$Row#label");
		SIZES.put("checklist_template_item.unit", "io.dualgate.gate.template.TemplateForm$Row#unit");
		SIZES.put("checklist_template_item.metric_key", "io.dualgate.gate.template.TemplateForm$Row#metricKey");
		SIZES.put("metric_definition.name", "io.dualgate.metrics.DefinitionForm#name");
		SIZES.put("metric_definition.unit", "io.dualgate.metrics.DefinitionForm#unit");
		SIZES.put("poc.customer", "io.dualgate.poc.PocForm#customer");
		SIZES.put("poc.success_criteria", "io.dualgate.poc.PocForm#successCriteria");
		SIZES.put("poc.sovereignty_link", "io.dualgate.poc.PocForm#sovereigntyLink");
		SIZES.put("poc.outcome_notes", "io.dualgate.poc.PocForm#outcomeNotes");
	}

	/**
	 * Numeric columns written by code rather than a form, and the Java limit that bounds
	 * what reaches them.
	 */
	private static final Map<String, Decimals.Limit> BY_CODE = Map.of("observation.value", Decimals.MEASURE,
			"okr_key_result.baseline", Decimals.PLAN, "okr_key_result.target", Decimals.PLAN, "okr_key_result.stretch",
			Decimals.PLAN, "value_map_step.from_change", Decimals.PLAN, "value_map_step.to_change", Decimals.PLAN,
			"capability.demote_draft_below_pct", Decimals.PERCENT, "capability.demote_act_below_pct", Decimals.PERCENT);

	/**
	 * Figures computed, never written from input: sums the database keeps itself, an eval
	 * run's pass rate from its whole counts (three decimals of 100 * passed / total).
	 */
	private static final Set<String> COMPUTED = Set.of("observation_weekly.value_sum", "eval_run.pass_rate_pct");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Validator validator;

	@Test
	void numericColumnsHaveThePrecisionAndScaleTheirFormsAccept() {
		List<String> mismatches = new ArrayList<>();
		DIGITS.forEach((column, field) -> {
			int[] schema = numeric(column);
			Digits digits = constraint(field, Digits.class);
			if (digits == null) {
				mismatches.add(field + " has no @Digits for " + column);
			}
			else if (digits.integer() != schema[0] - schema[1] || digits.fraction() != schema[1]) {
				mismatches.add(column + " is numeric(" + schema[0] + ", " + schema[1] + ") but " + field
						+ " accepts @Digits(" + digits.integer() + ", " + digits.fraction() + ")");
			}
		});
		BY_CODE.forEach((column, limit) -> {
			int[] schema = numeric(column);
			if (schema[0] != limit.precision() || schema[1] != limit.scale()) {
				mismatches.add(column + " is numeric(" + schema[0] + ", " + schema[1] + ") but Java checks " + limit);
			}
		});
		assertThat(mismatches).isEmpty();
	}

	@Test
	void observationsAndGateAnswersKeepTheSameDecimals() {
		// A bound item's answer is an observation: the two columns are one limit.
		assertThat(numeric("gate_item.answer_value")).containsExactly(numeric("observation.value"));
		assertThat(numeric("gate_item.threshold")).containsExactly(numeric("observation.value"));
		assertThat(numeric("kill_criterion.threshold")).containsExactly(numeric("observation.value"));
	}

	@Test
	void textColumnsAreAsLongAsTheirFormsAllow() {
		List<String> mismatches = new ArrayList<>();
		SIZES.forEach((column, field) -> {
			int length = varchar(column);
			Size size = constraint(field, Size.class);
			if (size == null) {
				mismatches.add(field + " has no @Size for " + column);
			}
			else if (size.max() != length) {
				mismatches.add(column + " is varchar(" + length + ") but " + field + " accepts " + size.max());
			}
		});
		assertThat(mismatches).isEmpty();
	}

	@Test
	void aRejectionReasonFitsWithItsTrackInFront() {
		int reason = constraint("io.dualgate.gate.web.SignForm#reason", Size.class).max();
		int longestTrack = Arrays.stream(Track.values()).mapToInt((t) -> t.name().length()).max().orElseThrow();
		assertThat(varchar("gate.decision_reason")).isGreaterThanOrEqualTo(longestTrack + ": ".length() + reason);
	}

	@Test
	void storedLinksFitTheOneLinkValidator() {
		assertThat(varchar("gate_item.evidence_url")).isEqualTo(WebLinks.MAX_LENGTH);
		assertThat(varchar("webhook_endpoint.url")).isEqualTo(WebLinks.MAX_LENGTH);
		assertThat(varchar("poc.sovereignty_link")).isLessThanOrEqualTo(WebLinks.MAX_LENGTH);
	}

	@Test
	void everyNumericColumnHasAPrecisionThatJavaChecks() {
		Set<String> unchecked = new TreeSet<>();
		this.jdbc.sql("""
				select table_name || '.' || column_name as name, numeric_precision from information_schema.columns
				where table_schema = current_schema() and data_type = 'numeric'""").query((rs, n) -> {
			String name = rs.getString(1);
			boolean bounded = rs.getObject(2) != null;
			if (!COMPUTED.contains(name) && (!bounded || !(DIGITS.containsKey(name) || BY_CODE.containsKey(name)))) {
				unchecked.add(name + (bounded ? "" : " (no precision)"));
			}
			return name;
		}).list();
		assertThat(unchecked).isEmpty();
	}

	/** {precision, scale} of a numeric column. */
	private int[] numeric(String column) {
		String[] parts = column.split("\\.");
		return this.jdbc.sql("""
				select numeric_precision, numeric_scale from information_schema.columns
				where table_schema = current_schema() and table_name = ? and column_name = ?""")
			.params(parts[0], parts[1])
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) })
			.single();
	}

	private int varchar(String column) {
		String[] parts = column.split("\\.");
		return this.jdbc.sql("""
				select character_maximum_length from information_schema.columns
				where table_schema = current_schema() and table_name = ? and column_name = ?""")
			.params(parts[0], parts[1])
			.query(Integer.class)
			.single();
	}

	/**
	 * The constraint of that type on a form's field, read from Bean Validation's
	 * metadata.
	 */
	private <A extends java.lang.annotation.Annotation> A constraint(String field, Class<A> type) {
		String[] parts = field.split("#");
		Class<?> form;
		try {
			form = Class.forName(parts[0]);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("no form " + parts[0], ex);
		}
		PropertyDescriptor property = this.validator.getConstraintsForClass(form).getConstraintsForProperty(parts[1]);
		if (property == null) {
			return null;
		}
		return property.getConstraintDescriptors()
			.stream()
			.map(ConstraintDescriptor::getAnnotation)
			.filter(type::isInstance)
			.map(type::cast)
			.findFirst()
			.orElse(null);
	}

}
