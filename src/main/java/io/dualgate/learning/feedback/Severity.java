package io.dualgate.learning.feedback;

/**
 * How bad what the AI got wrong was; a CRITICAL case lowers the capability's autonomy at
 * once.
 */
public enum Severity {

	NONE, MINOR, MAJOR, CRITICAL

}
