package io.dualgate.learning.feedback;

import java.time.Instant;
import java.util.List;

/**
 * New cases of feedback were stored, in the recording transaction: the autonomy ladder
 * judges the capabilities they concern before it commits.
 *
 * @param capabilityIds the capabilities with new cases
 * @param receivedAt when the batch arrived (before it waited for any lock)
 * @param criticalCaseIds new CRITICAL cases, per capability id
 * @param levelChangedAtSeen when each capability's level last changed, as the batch saw
 * it when it arrived: a change made meanwhile by a batch arriving together has judged the
 * evidence already
 */
public record FeedbackRecorded(long prototypeId, String prototypeKey, List<Long> capabilityIds, Instant receivedAt,
		java.util.Map<Long, List<String>> criticalCaseIds, java.util.Map<Long, Instant> levelChangedAtSeen) {
}
