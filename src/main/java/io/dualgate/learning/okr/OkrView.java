package io.dualgate.learning.okr;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.dualgate.gate.Track;

/**
 * An objective as pages and the API show it: each key result with the latest observation
 * of its metric and its computed progress, the check-in history newest first, and the
 * status by the stated rule.
 *
 * @param latestTechnical the Exploration PM's latest check-in, or null
 * @param latestCommercial the Delivery PM's latest check-in, or null
 */
public record OkrView(long id, String prototypeKey, String prototypeName, String period, String objective,
		Instant createdAt, String createdBy, OkrStatus status, List<KeyResultView> keyResults,
		CheckInView latestTechnical, CheckInView latestCommercial, List<CheckInView> checkIns) {

	/**
	 * @param current the latest observation of the metric (on or before the deadline)
	 * @param currentOn its date
	 */
	public record KeyResultView(long id, int position, String metric, String metricName, BigDecimal baseline,
			BigDecimal target, BigDecimal stretch, String unit, LocalDate deadline, Track track, BigDecimal current,
			LocalDate currentOn, OkrProgress progress) {
	}

	/** A check-in; {@code onBehalfOf} names the PM when a delegate checked in. */
	public record CheckInView(long id, Track track, String author, String onBehalfOf, int confidence, String note,
			LocalDate date, Instant recordedAt) {
	}

}
