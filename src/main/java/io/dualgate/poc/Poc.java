package io.dualgate.poc;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A POC as pages show it. */
public record Poc(long id, long prototypeId, String customer, LocalDate startDate, LocalDate endDate,
		String successCriteria, BigDecimal willingnessToPayUsd, SovereigntyStatus sovereigntyStatus,
		String sovereigntyLink, PocStatus status, String outcomeNotes, long version, LocalDate sovereigntyValidUntil,
		LocalDate sovereigntyExpiredOn) {

	public boolean agreementExpired() {
		return this.sovereigntyExpiredOn != null;
	}

}
