package io.dualgate.gate.events;

import java.time.Instant;

/**
 * Both tracks of an autonomy gate hold valid approvals: the capability moves up one level
 * (the module that keeps the ladder listens in the same transaction, so the decision and
 * the move commit together or not at all).
 */
public record AutonomyGateApproved(long gateId, long prototypeId, String capability, String fromLevel, String toLevel,
		long decidedBy, String actor, Instant at) {
}
