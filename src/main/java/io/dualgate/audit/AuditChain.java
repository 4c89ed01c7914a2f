package io.dualgate.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import io.dualgate.shared.Sha256;

/**
 * How an audit row is hashed and linked to its predecessor:
 * {@code hash = SHA-256(previous hash || canonical row)}.
 * <ul>
 * <li>Version 2 (every row written since V140): the canonical row is the RFC 8785
 * canonical JSON of the row's {@linkplain #payload payload}; the old and new values are
 * JSON themselves.</li>
 * <li>Version 1 (rows written before): every field length-prefixed
 * ({@code |<UTF-16 length>:<text>}, {@code |-} for null) in a fixed order. Kept so that
 * the rows already chained still verify; nothing writes it any more.</li>
 * </ul>
 */
final class AuditChain {

	static final int CURRENT_VERSION = 2;

	static final String GENESIS_HASH = "0".repeat(64);

	private AuditChain() {
	}

	static String hash(String prevHash, AuditEvent event) {
		return switch (event.hashVersion()) {
			case 1 -> hashV1(prevHash, Long.toString(event.seq()), event.occurredAt().toString(), event.actor(),
					event.action(), event.entityType(), event.entityId(), event.oldValue(), event.newValue(),
					event.reason());
			case 2 -> hashV2(prevHash, CanonicalJson.write(payload(event)));
			default -> throw new IllegalArgumentException("unknown hash version " + event.hashVersion());
		};
	}

	/**
	 * What is hashed and exported for a row, as JSON: seq, time ({@code Instant} text),
	 * actor, action, entity, old and new value, reason. Version 2 values are embedded as
	 * the JSON they are; version 1 values as the text they are.
	 */
	static Map<String, Object> payload(AuditEvent event) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("seq", event.seq());
		payload.put("occurredAt", event.occurredAt().toString());
		payload.put("actor", event.actor());
		payload.put("action", event.action());
		payload.put("entityType", event.entityType());
		payload.put("entityId", event.entityId());
		boolean json = event.hashVersion() >= 2;
		payload.put("oldValue",
				(json && event.oldValue() != null) ? CanonicalJson.read(event.oldValue()) : event.oldValue());
		payload.put("newValue",
				(json && event.newValue() != null) ? CanonicalJson.read(event.newValue()) : event.newValue());
		payload.put("reason", event.reason());
		return payload;
	}

	static String hashV2(String prevHash, String canonicalPayload) {
		return Sha256.hex(prevHash + canonicalPayload);
	}

	static String hashV1(String prevHash, String... fields) {
		StringBuilder canonical = new StringBuilder(prevHash);
		for (String value : fields) {
			if (value == null) {
				canonical.append("|-");
			}
			else {
				canonical.append('|').append(value.length()).append(':').append(value);
			}
		}
		return Sha256.hex(canonical.toString());
	}

}
