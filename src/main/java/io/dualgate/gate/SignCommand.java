package io.dualgate.gate;

/**
 * What a signer submits: the meaning, a reason (required to reject), the hash of the
 * answers the form showed, the gate version it was loaded at, the password and the
 * confirmation.
 */
public record SignCommand(Meaning meaning, String reason, String shownHash, Long expectedVersion, String password,
		boolean confirmed) {

	/** The longest reason a signature keeps ({@code gate_signature.reason}). */
	public static final int MAX_REASON = 1000;

}
