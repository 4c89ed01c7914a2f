package io.dualgate.maturity;

import java.time.LocalDate;

/**
 * The levels (1-3) of one assessment, or the current ones of a prototype.
 */
public record MaturityLevels(long prototypeId, LocalDate assessedOn, int technicalValidation, int customerValue,
		int complianceReadiness) {

	public int level(Dimension dimension) {
		return switch (dimension) {
			case TECHNICAL_VALIDATION -> this.technicalValidation;
			case CUSTOMER_VALUE -> this.customerValue;
			case COMPLIANCE_READINESS -> this.complianceReadiness;
		};
	}

}
