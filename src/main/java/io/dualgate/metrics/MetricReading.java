package io.dualgate.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The value of one metric for one prototype on one date, and where it came from.
 *
 * @param metricKey e.g. {@code availability_pct}
 * @param date the day the value was observed
 * @param value the value, in the metric's unit
 * @param source FORM, CSV or API
 */
public record MetricReading(String metricKey, LocalDate date, BigDecimal value, String source) {
}
