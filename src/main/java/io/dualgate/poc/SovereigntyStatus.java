package io.dualgate.poc;

/** Where the data-sovereignty agreement with the POC customer stands. */
public enum SovereigntyStatus {

	NONE, IN_NEGOTIATION, SIGNED

}
