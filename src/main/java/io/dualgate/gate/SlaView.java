package io.dualgate.gate;

import java.time.Duration;
import java.time.Instant;

/**
 * The SLA clock of a gate: from opening to decision against a target in hours.
 *
 * @param targetHours the target for this transition
 * @param dueAt when the decision is due
 * @param elapsed open so far (open gate) or until the decision
 * @param overdue still open after its due time
 * @param late decided after its due time
 */
public record SlaView(int targetHours, Instant dueAt, Duration elapsed, boolean overdue, boolean late) {

	static SlaView of(Instant openedAt, Instant decidedAt, int targetHours, Instant now) {
		Instant due = openedAt.plus(Duration.ofHours(targetHours));
		Instant end = (decidedAt != null) ? decidedAt : now;
		return new SlaView(targetHours, due, Duration.between(openedAt, end), decidedAt == null && now.isAfter(due),
				decidedAt != null && decidedAt.isAfter(due));
	}

	public long elapsedHours() {
		return this.elapsed.toHours();
	}

}
