package io.dualgate.audit;

import java.time.LocalDate;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long audit events are kept ({@code dualgate.audit.retention}, a period such as
 * {@code 10y} or {@code P10Y}). The EU AI Act asks for automatically generated logs to be
 * kept at least six months and technical documentation ten years; shorter is refused at
 * start. Nothing deletes an audit event before its retention ends (the database refuses
 * every delete).
 */
@ConfigurationProperties("dualgate.audit")
record AuditProperties(@DefaultValue("10y") Period retention) {

	static final Period MINIMUM = Period.ofMonths(6);

	AuditProperties {
		LocalDate reference = LocalDate.of(2000, 1, 1);
		if (retention == null || reference.plus(retention).isBefore(reference.plus(MINIMUM))) {
			throw new RetentionTooShortException(retention);
		}
		retention = retention.normalized();
	}

	static final class RetentionTooShortException extends IllegalStateException {

		private final Period retention;

		RetentionTooShortException(Period retention) {
			super("dualgate.audit.retention " + retention + " is shorter than 6 months");
			this.retention = retention;
		}

		Period retention() {
			return this.retention;
		}

	}

}
