package io.dualgate.metrics;

import java.math.BigDecimal;

import io.dualgate.shared.Decimals;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

record KillCriterionForm(@NotBlank String metric, @NotBlank @Pattern(regexp = "<|<=|>|>=") String comparator,
		@NotNull @Digits(integer = Decimals.MEASURE_INTEGER_DIGITS,
				fraction = Decimals.MEASURE_SCALE) BigDecimal threshold,
		@NotNull @Min(1) @Max(365) Integer consecutiveDays, boolean noImprovingTrend) {
}
