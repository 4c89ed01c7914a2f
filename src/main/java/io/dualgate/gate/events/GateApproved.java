package io.dualgate.gate.events;

/**
 * Both tracks of a gate hold valid approvals: the prototype moves on.
 */
public record GateApproved(long gateId, long prototypeId, io.dualgate.portfolio.Stage fromStage,
		io.dualgate.portfolio.Stage toStage, long decidedBy, String actor, java.time.Instant at) {
}
