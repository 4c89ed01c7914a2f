package io.dualgate.gate.events;

/**
 * A track was signed with REJECT: the gate is closed.
 */
public record GateRejected(long gateId, long prototypeId, io.dualgate.portfolio.Stage fromStage,
		io.dualgate.portfolio.Stage toStage, String reason, String actor, java.time.Instant at) {
}
