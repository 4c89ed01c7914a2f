package io.dualgate.maturity;

import java.time.Instant;
import java.time.LocalDate;

/** One assessment in the history, as pages show it. */
public record Assessment(long id, long prototypeId, LocalDate assessedOn, int technicalValidation, int customerValue,
		int complianceReadiness, long assessorId, String assessorName, String notes, Instant recordedAt) {

	MaturityLevels levels() {
		return new MaturityLevels(this.prototypeId, this.assessedOn, this.technicalValidation, this.customerValue,
				this.complianceReadiness);
	}

}
