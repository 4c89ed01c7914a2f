package io.dualgate.learning.okr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The progress of one key result, computed from the prototype's latest observation of its
 * metric: from the baseline towards the target, capped at 100 %; beyond the target, the
 * way to the stretch is shown separately (also capped). Works for metrics that should
 * fall (latency) as for those that should rise: the direction is from baseline to target.
 *
 * @param progressPct 0-100, or null without an observation
 * @param stretchPct 0-100 once the target is passed and a stretch is set, else null
 * @param elapsedPct share of the time from the period's start to the deadline already
 * gone
 * @param status against the rule in {@link OkrStatus}
 */
public record OkrProgress(BigDecimal progressPct, BigDecimal stretchPct, BigDecimal elapsedPct, boolean met,
		KeyResultStatus status) {

	/** Points behind the time elapsed still counted as on track. */
	public static final int ON_TRACK_GAP = 10;

	/** Points behind the time elapsed still counted as at risk rather than off track. */
	public static final int AT_RISK_GAP = 30;

	/** A PM's latest confidence below this puts an objective at least at risk. */
	public static final int LOW_CONFIDENCE = 5;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** A key result's status: the objective's statuses plus "no data yet". */
	public enum KeyResultStatus {

		ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA;

		OkrStatus forObjective() {
			return switch (this) {
				case ON_TRACK -> OkrStatus.ON_TRACK;
				case AT_RISK, NO_DATA -> OkrStatus.AT_RISK;
				case OFF_TRACK -> OkrStatus.OFF_TRACK;
			};
		}

	}

	public static OkrProgress of(BigDecimal baseline, BigDecimal target, BigDecimal stretch, BigDecimal current,
			LocalDate periodStart, LocalDate deadline, LocalDate today) {
		BigDecimal elapsed = elapsedPct(periodStart, deadline, today);
		if (current == null) {
			return new OkrProgress(null, null, elapsed, false, KeyResultStatus.NO_DATA);
		}
		BigDecimal span = target.subtract(baseline);
		BigDecimal fraction = current.subtract(baseline).divide(span, MathContext.DECIMAL64);
		boolean met = fraction.compareTo(BigDecimal.ONE) >= 0;
		BigDecimal progress = percent(fraction);
		BigDecimal toStretch = null;
		if (met && stretch != null) {
			toStretch = percent(current.subtract(target).divide(stretch.subtract(target), MathContext.DECIMAL64));
		}
		KeyResultStatus status;
		if (met) {
			status = KeyResultStatus.ON_TRACK;
		}
		else if (today.isAfter(deadline)) {
			status = KeyResultStatus.OFF_TRACK;
		}
		else {
			BigDecimal behind = elapsed.subtract(progress);
			status = (behind.compareTo(BigDecimal.valueOf(ON_TRACK_GAP)) <= 0) ? KeyResultStatus.ON_TRACK
					: (behind.compareTo(BigDecimal.valueOf(AT_RISK_GAP)) <= 0) ? KeyResultStatus.AT_RISK
							: KeyResultStatus.OFF_TRACK;
		}
		return new OkrProgress(progress, toStretch, elapsed, met, status);
	}

	/**
	 * The objective's status: the worst of its key results, at least at risk when a PM's
	 * latest confidence is below {@link #LOW_CONFIDENCE}.
	 */
	public static OkrStatus objective(Iterable<KeyResultStatus> keyResults, Iterable<Integer> latestConfidences) {
		OkrStatus status = OkrStatus.ON_TRACK;
		for (KeyResultStatus keyResult : keyResults) {
			status = status.worst(keyResult.forObjective());
		}
		for (Integer confidence : latestConfidences) {
			if (confidence != null && confidence < LOW_CONFIDENCE) {
				status = status.worst(OkrStatus.AT_RISK);
			}
		}
		return status;
	}

	static BigDecimal elapsedPct(LocalDate start, LocalDate deadline, LocalDate today) {
		long total = ChronoUnit.DAYS.between(start, deadline);
		if (total <= 0) {
			return today.isBefore(start) ? BigDecimal.ZERO : HUNDRED;
		}
		long gone = ChronoUnit.DAYS.between(start, today);
		return percent(BigDecimal.valueOf(gone).divide(BigDecimal.valueOf(total), MathContext.DECIMAL64));
	}

	/** A fraction as a percentage between 0 and 100, one decimal. */
	private static BigDecimal percent(BigDecimal fraction) {
		BigDecimal clamped = fraction.max(BigDecimal.ZERO).min(BigDecimal.ONE);
		return clamped.multiply(HUNDRED).setScale(1, RoundingMode.HALF_UP);
	}

}
