package io.dualgate.notifications;

import java.time.Instant;

/**
 * An open gate passed its SLA (published once per gate, when the overdue notices go out).
 */
public record GateOverdue(long gateId, long prototypeId, String prototypeKey, String prototypeName, Instant dueAt,
		Instant at) {
}
