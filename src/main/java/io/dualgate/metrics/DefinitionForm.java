package io.dualgate.metrics;

import java.math.BigDecimal;

import io.dualgate.shared.Decimals;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record DefinitionForm(@NotBlank @Pattern(regexp = "^[a-z][a-z0-9_]{1,63}$") String key,
		@NotBlank @Size(max = 120) String name, @NotBlank @Size(max = 32) String unit,
		@NotBlank @Pattern(regexp = "TECHNICAL|BUSINESS") String kind,
		@NotBlank @Pattern(regexp = "HIGHER_IS_BETTER|LOWER_IS_BETTER") String direction,
		@Digits(integer = Decimals.MEASURE_INTEGER_DIGITS, fraction = Decimals.MEASURE_SCALE) BigDecimal minValue,
		@Digits(integer = Decimals.MEASURE_INTEGER_DIGITS, fraction = Decimals.MEASURE_SCALE) BigDecimal maxValue) {

	static DefinitionForm empty() {
		return new DefinitionForm("", "", "", "TECHNICAL", "HIGHER_IS_BETTER", null, null);
	}

	@AssertTrue(message = "{metric.range.invalid}")
	public boolean isRangeValid() {
		return this.minValue == null || this.maxValue == null || this.minValue.compareTo(this.maxValue) <= 0;
	}

	MetricDefinition toDefinition() {
		return new MetricDefinition(this.key.strip(), this.name.strip(), this.unit.strip(), this.kind, this.direction,
				this.minValue, this.maxValue, null);
	}

}
