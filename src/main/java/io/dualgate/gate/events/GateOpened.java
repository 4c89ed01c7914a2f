package io.dualgate.gate.events;

/**
 * A gate was opened for a prototype's next transition.
 */
public record GateOpened(long gateId, long prototypeId, io.dualgate.portfolio.Stage fromStage,
		io.dualgate.portfolio.Stage toStage, String actor, java.time.Instant at) {
}
