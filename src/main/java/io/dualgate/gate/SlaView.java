package io.dualgate.gate;

import java.time.Duration;
import java.time.Instant;

/**
 * The SLA clock of a gate: from opening to decision against a target.
 *
 * @param targetHours the target for this transition, in whole hours (rounded up)
 * @param dueAt when the decision is due
 * @param elapsed open so far (open gate) or until the decision
 * @param overdue still open after its due time
 * @param late decided after its due time
 * @param target the target to the second
 */
public record SlaView(int targetHours, Instant dueAt, Duration elapsed, boolean overdue, boolean late,
		Duration target) {

	static SlaView of(Instant openedAt, Instant decidedAt, Duration target, Instant now) {
		Instant due = openedAt.plus(target);
		Instant end = (decidedAt != null) ? decidedAt : now;
		int hours = (int) Math.max(1, (target.toSeconds() + 3599) / 3600);
		return new SlaView(hours, due, Duration.between(openedAt, end), decidedAt == null && now.isAfter(due),
				decidedAt != null && decidedAt.isAfter(due), target);
	}

	public long elapsedHours() {
		return this.elapsed.toHours();
	}

}
