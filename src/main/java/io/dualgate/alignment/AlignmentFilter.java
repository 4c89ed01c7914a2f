package io.dualgate.alignment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.dualgate.portfolio.Stage;

/**
 * What the dashboard looks at: business weeks from {@code from} to {@code to} (both
 * inclusive, by the Monday of their ISO week), technical weeks {@code lagWeeks} earlier,
 * prototypes of one vertical and/or currently in one stage.
 */
record AlignmentFilter(LocalDate from, LocalDate to, int lagWeeks, String vertical, Stage stage) {

	static final int DEFAULT_WEEKS = 52;

	static final int MAX_LAG_WEEKS = 26;

	static final long MAX_WINDOW_DAYS = 366L * 20;

	/**
	 * Checks and completes what came from a request; missing dates mean the last 52
	 * weeks.
	 * @throws InvalidFilterException with a message code when a parameter is out of range
	 */
	static AlignmentFilter of(LocalDate from, LocalDate to, Integer lagWeeks, String vertical, Stage stage,
			Clock clock) {
		LocalDate end = (to != null) ? to : LocalDate.now(clock);
		LocalDate start = (from != null) ? from : end.minusWeeks(DEFAULT_WEEKS);
		int lag = (lagWeeks != null) ? lagWeeks : 0;
		if (start.isAfter(end)) {
			throw new InvalidFilterException("from", "alignment.filter.fromAfterTo", start, end);
		}
		if (ChronoUnit.DAYS.between(start, end) > MAX_WINDOW_DAYS) {
			throw new InvalidFilterException("from", "alignment.filter.windowTooLong", MAX_WINDOW_DAYS / 366);
		}
		if (lag < 0 || lag > MAX_LAG_WEEKS) {
			throw new InvalidFilterException("lagWeeks", "alignment.filter.lag", MAX_LAG_WEEKS);
		}
		String cleanVertical = (vertical == null || vertical.isBlank()) ? null : vertical.strip();
		return new AlignmentFilter(start, end, lag, cleanVertical, stage);
	}

	/** Monday of the first business week. */
	public LocalDate firstWeek() {
		return weekStart(this.from);
	}

	/** Monday of the last business week. */
	public LocalDate lastWeek() {
		return weekStart(this.to);
	}

	static LocalDate weekStart(LocalDate day) {
		return day.minusDays(day.getDayOfWeek().getValue() - 1L);
	}

}
