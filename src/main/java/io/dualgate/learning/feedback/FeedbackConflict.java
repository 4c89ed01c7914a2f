package io.dualgate.learning.feedback;

import java.util.List;

/**
 * Case ids sent again with other content (or twice in one batch, differently): 409, each
 * naming the stored and the sent version. Nothing of the batch was stored.
 */
public class FeedbackConflict extends RuntimeException {

	public static final int MAX_REPORTED = 100;

	private final transient List<Conflict> conflicts;

	private final long count;

	FeedbackConflict(List<Conflict> conflicts, long count) {
		super("feedback.duplicate", null, false, false);
		this.conflicts = List.copyOf(conflicts);
		this.count = count;
	}

	/**
	 * @param line the sent version's line or index
	 * @param stored what DualGate holds (or the earlier row of the same batch)
	 * @param sent what was sent now
	 */
	public record Conflict(long line, String caseId, FeedbackCase stored, FeedbackCase sent) {
	}

	public List<Conflict> conflicts() {
		return this.conflicts;
	}

	public long count() {
		return this.count;
	}

}
