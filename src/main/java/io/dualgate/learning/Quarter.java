package io.dualgate.learning;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dualgate.shared.InvalidFieldException;

/**
 * A calendar quarter, the period of an OKR: {@code 2026-Q3} runs from 1 July to 30
 * September.
 */
public record Quarter(int year, int quarter) {

	private static final Pattern TEXT = Pattern.compile("^(\\d{4})-Q([1-4])$");

	public Quarter {
		if (year < 2000 || year > 2999 || quarter < 1 || quarter > 4) {
			throw new IllegalArgumentException("no such quarter: " + year + "-Q" + quarter);
		}
	}

	/**
	 * Reads {@code 2026-Q3}.
	 * @throws InvalidFieldException naming {@code field} when the text is not a quarter
	 */
	public static Quarter parse(String text, String field) {
		Matcher matcher = TEXT.matcher((text != null) ? text.strip() : "");
		if (!matcher.matches()) {
			throw new InvalidFieldException(field, "learning.quarter.invalid", Json.excerpt(text));
		}
		int year = Integer.parseInt(matcher.group(1));
		if (year < 2000) {
			throw new InvalidFieldException(field, "learning.quarter.invalid", Json.excerpt(text));
		}
		return new Quarter(year, Integer.parseInt(matcher.group(2)));
	}

	public static Quarter of(LocalDate day) {
		return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
	}

	public LocalDate start() {
		return LocalDate.of(this.year, (this.quarter - 1) * 3 + 1, 1);
	}

	/** The last day of the quarter. */
	public LocalDate end() {
		return start().plusMonths(3).minusDays(1);
	}

	public boolean contains(LocalDate day) {
		return !day.isBefore(start()) && !day.isAfter(end());
	}

	public Quarter previous() {
		return (this.quarter == 1) ? new Quarter(this.year - 1, 4) : new Quarter(this.year, this.quarter - 1);
	}

	@Override
	public String toString() {
		return this.year + "-Q" + this.quarter;
	}

}
