package io.dualgate.maturity;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

record AssessmentForm(@NotNull @PastOrPresent @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate assessedOn,
		@NotNull @Min(1) @Max(3) Integer technicalValidation, @NotNull @Min(1) @Max(3) Integer customerValue,
		@NotNull @Min(1) @Max(3) Integer complianceReadiness, @Size(max = 4000) String notes) {

	public Integer levelOf(Dimension dimension) {
		return switch (dimension) {
			case TECHNICAL_VALIDATION -> this.technicalValidation;
			case CUSTOMER_VALUE -> this.customerValue;
			case COMPLIANCE_READINESS -> this.complianceReadiness;
		};
	}

}
