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
		this.arguments = Excerpt.arguments(arguments);
	}

	public String messageCode() {
		return this.messageCode;
	}

	public Object[] arguments() {
		return this.arguments;
	}

}
