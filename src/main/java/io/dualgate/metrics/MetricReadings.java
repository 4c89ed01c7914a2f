package io.dualgate.metrics;

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

}
