package io.dualgate.gate;

import java.time.Instant;

/**
 * How the signer proved who they were at the moment of signing: the password re-check, or
 * a fresh re-authentication at the OpenID provider (its issuer and the {@code auth_time}
 * of the ID token it returned).
 */
public record SignatureMethod(Kind kind, String issuer, Instant authTime) {

	public enum Kind {

		/** The signer typed their DualGate password again. */
		PASSWORD,

		/** The signer re-authenticated at the OpenID provider (step-up). */
		OIDC

	}

	public static final SignatureMethod PASSWORD_RECHECK = new SignatureMethod(Kind.PASSWORD, null, null);

	public SignatureMethod {
		if ((kind == Kind.OIDC) != (issuer != null && authTime != null)) {
			throw new IllegalArgumentException(
					"a re-authentication names its issuer and time, a password check neither");
		}
	}

	public static SignatureMethod reauthenticated(String issuer, Instant authTime) {
		return new SignatureMethod(Kind.OIDC, issuer, authTime);
	}

	/** As the audit trail records it. */
	public String describe() {
		return (this.kind == Kind.PASSWORD) ? "password re-check"
				: "re-authenticated at " + this.issuer + " at " + this.authTime;
	}

}
