package io.dualgate.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which audit events a reader asks for: a time range (from inclusive, to exclusive), the
 * person who acted, the subject (entity type and id: a prototype's key, a gate's id) and
 * the event type. Every part is optional; the page and the export use the same filter.
 */
record AuditFilter(Instant from, Instant to, String actor, String entityType, String entityId, String action) {

	static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null);

	AuditFilter {
		actor = blankToNull(actor);
		entityType = blankToNull(entityType);
		entityId = blankToNull(entityId);
		action = blankToNull(action);
	}

	/** Whether only the time range is set: the events it selects are then consecutive. */
	boolean onlyTime() {
		return this.actor == null && this.entityType == null && this.entityId == null && this.action == null;
	}

	/**
	 * Whether exactly one of person, event type or subject (type and id) is set and
	 * nothing else: an index on that column and seq then serves the page in order.
	 */
	boolean oneIndexedColumn() {
		boolean subject = this.entityType != null && this.entityId != null;
		boolean partialSubject = !subject && (this.entityType != null || this.entityId != null);
		int set = ((this.actor != null) ? 1 : 0) + ((this.action != null) ? 1 : 0) + (subject ? 1 : 0);
		return set == 1 && !partialSubject && this.from == null && this.to == null;
	}

	/** The SQL condition and its parameters, in order. */
	Where where() {
		List<String> conditions = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		if (this.from != null) {
			conditions.add("occurred_at >= ?");
			params.add(java.sql.Timestamp.from(this.from));
		}
		if (this.to != null) {
			conditions.add("occurred_at < ?");
			params.add(java.sql.Timestamp.from(this.to));
		}
		if (this.actor != null) {
			conditions.add("lower(actor) = lower(?)");
			params.add(this.actor);
		}
		if (this.entityType != null) {
			conditions.add("entity_type = ?");
			params.add(this.entityType);
		}
		if (this.entityId != null) {
			conditions.add("entity_id = ?");
			params.add(this.entityId);
		}
		if (this.action != null) {
			conditions.add("action = ?");
			params.add(this.action);
		}
		String sql = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		return new Where(sql, params);
	}

	/** The filter as the export's manifest states it (unset parts left out). */
	Map<String, Object> describe() {
		Map<String, Object> described = new LinkedHashMap<>();
		if (this.from != null) {
			described.put("from", this.from.toString());
		}
		if (this.to != null) {
			described.put("to", this.to.toString());
		}
		if (this.actor != null) {
			described.put("person", this.actor);
		}
		if (this.entityType != null) {
			described.put("entityType", this.entityType);
		}
		if (this.entityId != null) {
			described.put("entityId", this.entityId);
		}
		if (this.action != null) {
			described.put("action", this.action);
		}
		return described;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	record Where(String sql, List<Object> params) {
	}

}
