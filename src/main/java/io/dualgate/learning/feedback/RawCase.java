package io.dualgate.learning.feedback;

/**
 * One case as it arrived (CSV row or JSON element), not yet validated.
 *
 * @param line CSV line number or JSON array index
 */
record RawCase(long line, String caseId, String capability, String outcome, String severity, String reviewer,
		String comment, String occurredAt) {
}
