package io.dualgate.learning.autonomy;

import java.time.Instant;
import java.util.List;

/**
 * What each capability of a prototype may do now, for the AI system itself to ask (a
 * policy decision point): {@code GET /api/v1/prototypes/{key}/autonomy}.
 *
 * @param etag changes whenever a level (or anything else of a capability) changes
 */
public record AutonomyState(String prototype, String etag, List<Entry> capabilities) {

	/**
	 * @param mayDraft it may write drafts for a person to review
	 * @param mayAct it may act without review
	 */
	public record Entry(String capability, String name, AutonomyLevel level, Instant since, boolean mayDraft,
			boolean mayAct) {
	}

}
