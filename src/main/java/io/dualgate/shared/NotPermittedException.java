package io.dualgate.shared;

import org.springframework.security.access.AccessDeniedException;

/**
 * The person is signed in but the object is not theirs to act on (a stranger's gate, a
 * track assigned to someone else). Answered with 403 by Spring Security, on pages and in
 * the API alike.
 */
public class NotPermittedException extends AccessDeniedException {

	private final String messageCode;

	private final Object[] arguments;

	public NotPermittedException(String messageCode, Object... arguments) {
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
