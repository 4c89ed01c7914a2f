package io.dualgate.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Published in the recording transaction whenever an observation is created or replaced,
 * so that checklist items bound to the metric can re-evaluate.
 */
public record ObservationRecorded(long prototypeId, String metricKey, LocalDate date, BigDecimal value, String source) {
}
