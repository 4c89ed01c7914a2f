package io.dualgate.shared;

/**
 * A rule refuses one field of a form or request body (a delegate without the role, an end
 * before the start). Pages show the message next to that field; the API names it in its
 * problem details.
 */
public class InvalidFieldException extends RuleViolationException {

	private final String field;

	public InvalidFieldException(String field, String messageCode, Object... arguments) {
		super(messageCode, arguments);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
