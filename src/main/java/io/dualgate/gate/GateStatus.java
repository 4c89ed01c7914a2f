package io.dualgate.gate;

/**
 * Where a gate stands: waiting for signatures, or decided.
 */
public enum GateStatus {

	OPEN, APPROVED, REJECTED

}
