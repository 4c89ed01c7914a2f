package io.dualgate.poc;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.dualgate.shared.Decimals;
import io.dualgate.shared.HttpUrl;
import io.dualgate.shared.WebLinks;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a delivery PM types about a POC. Ids, owner and timestamps never come from the
 * request.
 */
record PocForm(@NotBlank @Size(max = 200) String customer,
		@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
		@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
		@NotBlank @Size(max = 4000) String successCriteria,
		@PositiveOrZero @DecimalMax("1000000000") @Digits(integer = Decimals.MONEY_INTEGER_DIGITS,
				fraction = Decimals.MONEY_SCALE) BigDecimal willingnessToPayUsdPerYear,
		@NotNull SovereigntyStatus sovereigntyStatus, @Size(max = MAX_LINK) @HttpUrl String sovereigntyLink,
		@NotNull PocStatus status, @Size(max = 4000) String outcomeNotes, Long version,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate sovereigntyValidUntil) {

	/** {@code poc.sovereignty_link varchar(500)}. */
	static final int MAX_LINK = 500;

	PocForm(String customer, LocalDate startDate, LocalDate endDate, String successCriteria,
			BigDecimal willingnessToPayUsdPerYear, SovereigntyStatus sovereigntyStatus, String sovereigntyLink,
			PocStatus status, String outcomeNotes, Long version) {
		this(customer, startDate, endDate, successCriteria, willingnessToPayUsdPerYear, sovereigntyStatus,
				sovereigntyLink, status, outcomeNotes, version, null);
	}

	static PocForm empty(LocalDate today) {
		return new PocForm("", today, today.plusWeeks(8), "", null, SovereigntyStatus.NONE, "", PocStatus.PLANNED, "",
				null, null);
	}

	static PocForm of(Poc poc) {
		return new PocForm(poc.customer(), poc.startDate(), poc.endDate(), poc.successCriteria(),
				poc.willingnessToPayUsd(), poc.sovereigntyStatus(), poc.sovereigntyLink(), poc.status(),
				poc.outcomeNotes(), poc.version(), poc.sovereigntyValidUntil());
	}

	/** A validity date belongs to a signed agreement. */
	@AssertTrue(message = "{poc.sovereignty.validUntil.unsigned}")
	public boolean isSovereigntyValidUntilValid() {
		return this.sovereigntyValidUntil == null || this.sovereigntyStatus == SovereigntyStatus.SIGNED;
	}

	@AssertTrue(message = "{poc.endDate.beforeStart}")
	public boolean isEndDateValid() {
		return this.startDate == null || this.endDate == null || !this.endDate.isBefore(this.startDate);
	}

	@AssertTrue(message = "{poc.link.required}")
	public boolean isSovereigntyLinkValid() {
		return this.sovereigntyStatus != SovereigntyStatus.SIGNED
				|| (this.sovereigntyLink != null && !this.sovereigntyLink.isBlank());
	}

	/** The agreement's link as stored: a web link or nothing. */
	String link() {
		return WebLinks.require("sovereigntyLink", this.sovereigntyLink);
	}

	String notes() {
		return (this.outcomeNotes == null || this.outcomeNotes.isBlank()) ? null : this.outcomeNotes.strip();
	}

}
