package io.dualgate.audit;

import io.dualgate.shared.Sha256;

/**
 * The canonical serialisation of an audit row and the hash that links it to its
 * predecessor. Every field is length-prefixed so that no two different rows serialise
 * alike.
 */
final class AuditChain {

	private AuditChain() {
	}

	static String hash(String prevHash, AuditEvent event) {
		StringBuilder canonical = new StringBuilder(prevHash);
		append(canonical, Long.toString(event.seq()));
		append(canonical, event.occurredAt().toString());
		append(canonical, event.actor());
		append(canonical, event.action());
		append(canonical, event.entityType());
		append(canonical, event.entityId());
		append(canonical, event.oldValue());
		append(canonical, event.newValue());
		append(canonical, event.reason());
		return sha256(canonical.toString());
	}

	private static void append(StringBuilder canonical, String value) {
		if (value == null) {
			canonical.append("|-");
		}
		else {
			canonical.append('|').append(value.length()).append(':').append(value);
		}
	}

	static String sha256(String text) {
		return Sha256.hex(text);
	}

}
