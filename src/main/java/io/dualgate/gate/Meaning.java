package io.dualgate.gate;

/**
 * What a signature means.
 */
public enum Meaning {

	APPROVE, REJECT

}
