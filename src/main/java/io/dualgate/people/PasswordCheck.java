package io.dualgate.people;

/**
 * The outcome of re-checking a signed-in person's password (before a signature, for
 * example).
 */
public enum PasswordCheck {

	/** The password is right and the account is usable. */
	CORRECT,

	/** The password is wrong; the attempt counts towards a lock-out. */
	WRONG,

	/** Too many wrong attempts: the account is locked for a while. */
	LOCKED

}
