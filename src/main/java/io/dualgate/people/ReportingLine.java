package io.dualgate.people;

/**
 * Whom a person reports to. An Exploration PM who reports to the CTO is the warning sign
 * of a "fake dual track".
 */
public enum ReportingLine {

	CPO, CTO, OTHER

}
