package io.dualgate.gate.checklist;

/**
 * The computed state of a checklist item; never typed in by a person.
 */
public enum Verdict {

	PASS, FAIL, OPEN;

	public boolean passes() {
		return this == PASS;
	}

}
