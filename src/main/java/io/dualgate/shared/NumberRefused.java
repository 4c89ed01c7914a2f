package io.dualgate.shared;

/**
 * A number that does not fit where it would go: not a number, too long, too many digits
 * before or after the decimal point. Its message quotes at most an {@link Excerpt} of
 * what was sent. Answered like any refused field: 422 naming the field in the API, a
 * message next to the field on pages.
 */
public class NumberRefused extends InvalidFieldException {

	public NumberRefused(String field, String messageCode, Object... arguments) {
		super(field, messageCode, arguments);
	}

	/** The same refusal, naming the field it was sent in. */
	public NumberRefused in(String field) {
		return new NumberRefused(field, messageCode(), arguments());
	}

}
