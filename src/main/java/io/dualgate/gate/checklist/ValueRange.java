package io.dualgate.gate.checklist;

import java.math.BigDecimal;

/**
 * The values a measure may take: the range of the metric an item is bound to (0 to 100
 * for a percentage), or any value when the item is not bound to a metric.
 *
 * @param min the smallest value allowed, {@code null} for none
 * @param max the largest value allowed, {@code null} for none
 */
public record ValueRange(BigDecimal min, BigDecimal max) {

	/** No bounds beyond the column's own. */
	public static final ValueRange ANY = new ValueRange(null, null);

	public boolean contains(BigDecimal value) {
		return (this.min == null || value.compareTo(this.min) >= 0)
				&& (this.max == null || value.compareTo(this.max) <= 0);
	}

}
