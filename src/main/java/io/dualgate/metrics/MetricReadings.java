package io.dualgate.metrics;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The latest evidence for a metric of a prototype: what a checklist item bound to that
 * metric reads.
 */
public interface MetricReadings {

	/**
	 * The observation with the latest date for this prototype and metric, if any.
	 */
	Optional<MetricReading> latest(long prototypeId, String metricKey);

	/**
	 * The range every value of this metric must lie in, if the metric exists: what a
	 * checklist item bound to it accepts as an answer.
	 */
	Optional<Range> range(String metricKey);

	/**
	 * @param min the smallest value allowed, {@code null} for none
	 * @param max the largest value allowed, {@code null} for none
	 */
	record Range(BigDecimal min, BigDecimal max) {
	}

}
