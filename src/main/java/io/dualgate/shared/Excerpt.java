package io.dualgate.shared;

/**
 * What of a person's or machine's input may be quoted back: at most {@link #MAX_CHARS}
 * characters, with an ellipsis when there was more. Messages, log lines and audit rows
 * quote input only through this, so a request can never make an answer larger than itself
 * (TRUST 31).
 */
public final class Excerpt {

	/** Enough to recognise what was sent; never the whole of a long value. */
	public static final int MAX_CHARS = 40;

	/**
	 * The most any one argument of a domain exception's message carries (a list of item
	 * codes fits; a pasted megabyte does not): the safety net under the excerpts.
	 */
	public static final int MAX_ARGUMENT_CHARS = 1000;

	private Excerpt() {
	}

	/**
	 * The first {@link #MAX_CHARS} characters of {@code text}, control characters shown
	 * as '?'.
	 */
	public static String of(CharSequence text) {
		return of(text, MAX_CHARS);
	}

	/**
	 * Message arguments with every text cut to {@link #MAX_ARGUMENT_CHARS}: what the
	 * domain exceptions keep, so that no message grows with its input.
	 */
	public static Object[] arguments(Object[] arguments) {
		if (arguments == null) {
			return new Object[0];
		}
		Object[] bounded = arguments.clone();
		for (int i = 0; i < bounded.length; i++) {
			if (bounded[i] instanceof CharSequence text && text.length() > MAX_ARGUMENT_CHARS) {
				bounded[i] = of(text, MAX_ARGUMENT_CHARS);
			}
		}
		return bounded;
	}

	/**
	 * The first {@code max} characters of {@code text} (for longer free text such as
	 * reasons).
	 */
	public static String of(CharSequence text, int max) {
		if (text == null) {
			return "";
		}
		int length = Math.min(text.length(), max);
		// Never cut a surrogate pair in two.
		if (length < text.length() && length > 0 && Character.isHighSurrogate(text.charAt(length - 1))) {
			length--;
		}
		StringBuilder excerpt = new StringBuilder(length + 1);
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			excerpt.append((Character.isISOControl(c)) ? '?' : c);
		}
		if (length < text.length()) {
			excerpt.append('…');
		}
		return excerpt.toString();
	}

}
