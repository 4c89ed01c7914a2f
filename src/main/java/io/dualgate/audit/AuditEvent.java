package io.dualgate.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * One row of the audit trail, as stored. Old and new values of rows written since the
 * canonical-JSON hashing ({@code hashVersion} 2) are JSON texts; older rows hold free
 * text.
 */
public record AuditEvent(long seq, Instant occurredAt, String actor, String action, String entityType, String entityId,
		String oldValue, String newValue, String reason, String prevHash, String hash, int hashVersion) {

	/** The old value as a person reads it ({@code name: value, ...}). */
	public String describeOld() {
		return describe(this.oldValue);
	}

	/** The new value as a person reads it ({@code name: value, ...}). */
	public String describeNew() {
		return describe(this.newValue);
	}

	/** The row as hashed: the RFC 8785 canonical JSON of its payload. */
	public String canonicalPayload() {
		return CanonicalJson.write(AuditChain.payload(this));
	}

	private String describe(String value) {
		if (value == null || this.hashVersion < 2) {
			return value;
		}
		return describe(CanonicalJson.read(value));
	}

	private static String describe(JsonNode node) {
		if (node.isObject()) {
			List<String> parts = new ArrayList<>();
			for (Map.Entry<String, JsonNode> member : node.properties()) {
				parts.add(member.getKey() + ": " + describe(member.getValue()));
			}
			return String.join(", ", parts);
		}
		if (node.isArray()) {
			List<String> parts = new ArrayList<>();
			node.values().forEach((element) -> parts.add(describe(element)));
			return "[" + String.join(", ", parts) + "]";
		}
		return node.isNull() ? "null" : node.asString();
	}

}
