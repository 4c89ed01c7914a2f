package io.dualgate.metrics;

import java.math.BigDecimal;

/**
 * What is measured: a technical or business metric with its unit, better direction and
 * the range a value must lie in. A derived metric ({@code derivedFrom} FEEDBACK or EVAL)
 * is recorded by DualGate itself from human feedback or eval runs, never by hand.
 */
public record MetricDefinition(String key, String name, String unit, String kind, String direction, BigDecimal minValue,
		BigDecimal maxValue, String derivedFrom) {

	public MetricDefinition(String key, String name, String unit, String kind, String direction, BigDecimal minValue,
			BigDecimal maxValue) {
		this(key, name, unit, kind, direction, minValue, maxValue, null);
	}

	public boolean derived() {
		return this.derivedFrom != null;
	}

	public boolean higherIsBetter() {
		return "HIGHER_IS_BETTER".equals(this.direction);
	}

	boolean inRange(BigDecimal value) {
		return (this.minValue == null || value.compareTo(this.minValue) >= 0)
				&& (this.maxValue == null || value.compareTo(this.maxValue) <= 0);
	}

}
