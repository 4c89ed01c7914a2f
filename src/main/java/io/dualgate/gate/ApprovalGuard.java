package io.dualgate.gate;

import java.time.Instant;
import java.util.Optional;

/**
 * A release freeze another module may declare on a prototype (a guard metric beyond its
 * threshold): while one holds, no gate of that prototype can be approved. The gate asks
 * in the signing transaction; an implementation reads its state so that a concurrent
 * change of it is waited for, not missed.
 */
public interface ApprovalGuard {

	/** The freeze on this prototype now, if any. */
	Optional<Freeze> freezeOf(long prototypeId);

	/**
	 * @param guard what is breached, e.g. {@code bias_gap_pct > 5 %}
	 * @param description the guard's description, for people
	 * @param since when it was first seen breached
	 */
	record Freeze(String guard, String description, Instant since) {
	}

}
