package io.dualgate.learning.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * One day's figures of one capability ({@code capability} set) or of the whole prototype
 * ({@code capability} null).
 */
public record FeedbackDay(String capability, LocalDate day, long cases, long accepted, long edited, long rejected,
		long critical) {

	/** A count as a share of the day's cases, in percent with two decimals. */
	public BigDecimal rate(long count) {
		return BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(this.cases), 2, RoundingMode.HALF_UP);
	}

	public BigDecimal acceptanceRate() {
		return rate(this.accepted);
	}

	public BigDecimal editRate() {
		return rate(this.edited);
	}

	public BigDecimal rejectionRate() {
		return rate(this.rejected);
	}

}
