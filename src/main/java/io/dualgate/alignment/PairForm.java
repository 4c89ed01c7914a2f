package io.dualgate.alignment;

import java.math.BigDecimal;

import io.dualgate.shared.Decimals;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * What an administrator may change on a pair; ids and versions travel separately.
 */
record PairForm(@NotBlank String technicalMetric, @NotNull Transform technicalTransform,
		@NotBlank String businessMetric, @NotNull Transform businessTransform, @NotNull PairKind kind,
		@NotNull Direction expectedDirection,
		@DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) @Digits(
				integer = Decimals.CORRELATION_INTEGER_DIGITS,
				fraction = Decimals.CORRELATION_SCALE) BigDecimal targetR,
		Long version) {

	static PairForm of(PairDefinition pair) {
		return new PairForm(pair.technicalMetric(), pair.technicalTransform(), pair.businessMetric(),
				pair.businessTransform(), pair.kind(), pair.expectedDirection(),
				(pair.targetR() != null) ? BigDecimal.valueOf(pair.targetR()) : null, pair.version());
	}

	static PairForm empty() {
		return new PairForm("", Transform.LEVEL, "", Transform.LEVEL, PairKind.CORRELATION, Direction.POSITIVE, null,
				null);
	}

}
