package io.dualgate.people;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a PM (or an admin) types to delegate signing; times are UTC, as every time in
 * DualGate.
 *
 * @param delegator only on the admin page: whose signing is handed on
 */
record DelegationForm(@NotNull(message = "{delegation.track.required}") SigningAuthority track,
		@NotBlank(message = "{delegation.delegate.required}") @Size(max = 64) String delegate,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
		@NotNull(message = "{delegation.until.required}") @DateTimeFormat(
				iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime until,
		@NotBlank(message = "{delegation.reason.required}") @Size(max = 500) String reason,
		@Size(max = 64) String delegator) {

	static DelegationForm empty() {
		return new DelegationForm(null, "", null, null, "", "");
	}

	DelegationRequest toRequest() {
		return new DelegationRequest(this.track, this.delegate,
				(this.from != null) ? this.from.toInstant(ZoneOffset.UTC) : null,
				(this.until != null) ? this.until.toInstant(ZoneOffset.UTC) : null, this.reason, this.delegator);
	}

}
