package io.dualgate.gate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Where computed checklist items get their values: another module that holds the data
 * (human feedback, eval runs) answers for the computations it knows. The gate asks when
 * it opens, before each signature, when that module says its data changed, and hourly (a
 * window moves with time); PASS/FAIL is the gate's own rule.
 */
public interface ComputedEvidence {

	/**
	 * Whether this source computes {@code key} (e.g. {@code human_acceptance_rate_pct}).
	 */
	boolean computes(String key);

	/**
	 * The value now, or empty when there is no data at all.
	 */
	Optional<Reading> read(Query query);

	/**
	 * What a computed item asks.
	 *
	 * @param capability the autonomy gate's capability, or null for a stage gate (the
	 * whole prototype)
	 * @param key the computation
	 * @param param its subject (an eval suite), or null
	 * @param windowDays the window ending at {@code at}
	 */
	record Query(long prototypeId, String capability, String key, String param, int windowDays, Instant at) {
	}

	/**
	 * @param value in the item's unit
	 * @param count how many cases (or runs) it rests on
	 * @param asOf when the latest of them was
	 */
	record Reading(BigDecimal value, long count, Instant asOf) {
	}

}
