package io.dualgate.shared;

/**
 * The request collides with the current state (changed by someone else, already decided,
 * a duplicate). Answered with 409.
 */
public class ConflictException extends RuntimeException {

	private final String messageCode;

	private final Object[] arguments;

	public ConflictException(String messageCode, Object... arguments) {
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
