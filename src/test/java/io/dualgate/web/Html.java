package io.dualgate.web;

import java.io.UnsupportedEncodingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * What a person reads next to a form field: the text of the field's error element
 * ({@code id="<field>-error"}, the one {@code fragments/forms} writes and the field's
 * {@code aria-describedby} names), tags removed and white space folded.
 */
public final class Html {

	private Html() {
	}

	/** The page a request answered with. */
	public static String of(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString();
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The message shown next to {@code field}, or the empty string when there is none.
	 */
	public static String fieldError(String html, String field) {
		Matcher matcher = Pattern
			.compile("<div[^>]*\\bid=\"" + Pattern.quote(field + "-error") + "\"[^>]*>(.*?)</div>", Pattern.DOTALL)
			.matcher(html);
		if (!matcher.find()) {
			return "";
		}
		return matcher.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
	}

	/** Whether the field is marked invalid for assistive technology. */
	public static boolean markedInvalid(String html, String field) {
		return Pattern.compile("<[^>]*\\bid=\"" + Pattern.quote(field) + "\"[^>]*\\baria-invalid=\"true\"")
			.matcher(html)
			.find()
				|| Pattern.compile("<[^>]*\\baria-invalid=\"true\"[^>]*\\bid=\"" + Pattern.quote(field) + "\"")
					.matcher(html)
					.find();
	}

}
