package io.dualgate.audit;

import java.time.Instant;

/**
 * One row of the audit trail, as stored.
 */
public record AuditEvent(long seq, Instant occurredAt, String actor, String action, String entityType, String entityId,
		String oldValue, String newValue, String reason, String prevHash, String hash) {
}
