package io.dualgate.gate.events;

import io.dualgate.gate.Track;

/**
 * An item of a gate was answered (by a person, the API or new metric evidence).
 */
public record ItemAnswered(long gateId, Track track, String code, String before, String after, String source,
		String actor, java.time.Instant at) {
}
