package io.dualgate.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.dualgate.shared.Decimals;
import io.dualgate.shared.WebLinks;

import org.springframework.stereotype.Component;

/**
 * How times and numbers read on pages: always with their zone, so that a signature's time
 * is unambiguous wherever it is read.
 */
@Component("fmt")
public class Formats {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter PRECISE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	public String dateTime(Instant instant) {
		return (instant != null) ? DATE_TIME.format(instant) : "";
	}

	public String preciseDateTime(Instant instant) {
		return (instant != null) ? PRECISE.format(instant) : "";
	}

	public String hours(Duration duration) {
		if (duration == null) {
			return "";
		}
		long minutes = duration.toMinutes();
		return String.format("%d h %02d min", minutes / 60, Math.abs(minutes % 60));
	}

	public String number(BigDecimal value) {
		return (value != null) ? Decimals.text(value.stripTrailingZeros()) : "";
	}

	/**
	 * A stored link if it may be rendered as a link ({@code http} or {@code https}), else
	 * {@code null}: a link stored before the check existed is shown as text.
	 */
	public String webLink(String url) {
		return WebLinks.isWebLink(url) ? url.strip() : null;
	}

}
