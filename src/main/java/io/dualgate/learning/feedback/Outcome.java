package io.dualgate.learning.feedback;

/** What the person reviewing a case did with the AI's output. */
public enum Outcome {

	ACCEPTED, EDITED, REJECTED

}
