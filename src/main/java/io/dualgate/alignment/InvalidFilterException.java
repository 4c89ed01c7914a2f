package io.dualgate.alignment;

/**
 * A dashboard filter out of range; carries a message code so page and API can say what is
 * wrong.
 */
class InvalidFilterException extends IllegalArgumentException {

	private final String messageCode;

	private final transient Object[] arguments;

	InvalidFilterException(String messageCode, Object... arguments) {
		super(messageCode);
		this.messageCode = messageCode;
		this.arguments = arguments;
	}

	String messageCode() {
		return this.messageCode;
	}

	Object[] arguments() {
		return this.arguments;
	}

}
