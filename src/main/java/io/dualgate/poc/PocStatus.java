package io.dualgate.poc;

public enum PocStatus {

	PLANNED, RUNNING, SUCCEEDED, FAILED

}
