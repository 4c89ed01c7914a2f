package io.dualgate.shared;

/**
 * A domain rule refuses the action (for example a blocking item fails, or the same person
 * would sign both tracks). Answered with 422 by the API; pages show the message next to
 * the form.
 */
public class RuleViolationException extends RuntimeException {

	private final String messageCode;

	private final Object[] arguments;

	public RuleViolationException(String messageCode, Object... arguments) {
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
