package io.dualgate.learning.feedback;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.dualgate.learning.Json;

/**
 * A valid case of human feedback on one capability's output.
 *
 * @param line where it came from in the batch (line or index)
 */
public record FeedbackCase(long line, String caseId, long capabilityId, String capability, Outcome outcome,
		Severity severity, String reviewer, String comment, Instant occurredAt) {

	/** Whether two versions of a case say the same (the batch position aside). */
	boolean sameAs(FeedbackCase other) {
		return this.capabilityId == other.capabilityId && this.outcome == other.outcome
				&& this.severity == other.severity && Objects.equals(this.reviewer, other.reviewer)
				&& Objects.equals(this.comment, other.comment) && this.occurredAt.equals(other.occurredAt);
	}

	/** The case as a 409 names it, with a short excerpt of the comment. */
	Map<String, Object> describe() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("case_id", Json.excerpt(this.caseId));
		fields.put("capability", this.capability);
		fields.put("outcome", this.outcome);
		fields.put("severity", this.severity);
		fields.put("reviewer", Json.excerpt(this.reviewer));
		fields.put("comment", Json.excerpt(this.comment));
		fields.put("occurred_at", this.occurredAt.toString());
		return fields;
	}

}
