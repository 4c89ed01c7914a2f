package io.dualgate.shared;

/**
 * Something the user asked for does not exist (or is not theirs to see). Answered with
 * 404.
 */
public class NotFoundException extends RuntimeException {

	private final String messageCode;

	private final Object[] arguments;

	public NotFoundException(String messageCode, Object... arguments) {
		super(messageCode);
		this.messageCode = messageCode;
		this.arguments = Excerpt.arguments(asNames(arguments));
	}

	/**
	 * What identifies the missing thing is a name, not an amount: 999999, not 999,999.
	 */
	private static Object[] asNames(Object[] arguments) {
		Object[] names = arguments.clone();
		for (int i = 0; i < names.length; i++) {
			if (names[i] instanceof Number number) {
				names[i] = number.toString();
			}
		}
		return names;
	}

	public String messageCode() {
		return this.messageCode;
	}

	public Object[] arguments() {
		return this.arguments;
	}

}
