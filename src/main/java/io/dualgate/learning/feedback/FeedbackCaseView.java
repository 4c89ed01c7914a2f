package io.dualgate.learning.feedback;

import java.time.Instant;

/** A case as the capability page lists it. */
public record FeedbackCaseView(String caseId, Outcome outcome, Severity severity, String reviewer, String comment,
		Instant occurredAt, Instant receivedAt) {
}
