package io.dualgate.metrics;

import java.math.BigDecimal;

/**
 * What is measured: a technical or business metric with its unit, better direction and
 * the range a value must lie in.
 */
public record MetricDefinition(String key, String name, String unit, String kind, String direction, BigDecimal minValue,
		BigDecimal maxValue) {

	public boolean higherIsBetter() {
		return "HIGHER_IS_BETTER".equals(this.direction);
	}

	boolean inRange(BigDecimal value) {
		return (this.minValue == null || value.compareTo(this.minValue) >= 0)
				&& (this.maxValue == null || value.compareTo(this.maxValue) <= 0);
	}

}
