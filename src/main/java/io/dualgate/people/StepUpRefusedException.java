package io.dualgate.people;

import io.dualgate.shared.RuleViolationException;

/**
 * A step-up re-authentication did not prove what a signature needs (stale, another
 * person, replayed, not verifiable): nothing is signed, and the message says why.
 */
public class StepUpRefusedException extends RuleViolationException {

	public StepUpRefusedException(String messageCode, Object... arguments) {
		super(messageCode, arguments);
	}

}
