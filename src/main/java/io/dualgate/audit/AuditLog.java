package io.dualgate.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes audit events. Must be called inside the transaction of the change it records, so
 * that the change and its audit row commit or roll back together. Actor and time come
 * from the server, never from the client.
 */
@Service
public class AuditLog {

	/** Serialises writers so that every row has exactly one predecessor in the chain. */
	private static final long CHAIN_LOCK_KEY = 0x6475616c67617465L;

	private static final long MAX_EXACT_JSON_INTEGER = 1L << 53;

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records a change by the signed-in user (or {@code system} outside a request).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String action, String entityType, Object entityId, String oldValue, String newValue,
			String reason) {
		recordAs(currentActor(), action, entityType, entityId, oldValue, newValue, reason);
	}

	/**
	 * Records a change on behalf of a named actor (for example a failed login for a
	 * username).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAs(String actor, String action, String entityType, Object entityId, String oldValue,
			String newValue, String reason) {
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK_KEY).query().singleRow();
		Map<String, Object> last = this.jdbc.sql("select seq, hash from audit_event order by seq desc limit 1")
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(null);
		long seq = (last != null) ? ((Number) last.get("seq")).longValue() + 1 : 1;
		String prevHash = (last != null) ? ((String) last.get("hash")) : AuditChain.GENESIS_HASH;
		// PostgreSQL keeps microseconds; hash exactly what will be stored.
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		AuditEvent event = new AuditEvent(seq, now, truncate(actor, 64), action, entityType, String.valueOf(entityId),
				json(oldValue), json(newValue), reason, prevHash, null, AuditChain.CURRENT_VERSION);
		String hash = AuditChain.hash(prevHash, event);
		this.jdbc.sql("""
				insert into audit_event (seq, occurred_at, actor, action, entity_type, entity_id,
				                         old_value, new_value, reason, prev_hash, hash, hash_version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(seq, java.sql.Timestamp.from(now), event.actor(), action, entityType, event.entityId(),
					event.oldValue(), event.newValue(), reason, prevHash, hash, event.hashVersion())
			.update();
	}

	/**
	 * A few named values for the old/new columns, as RFC 8785 canonical JSON: an object
	 * whose members are booleans, integers, arrays, {@code null} or else the value's text
	 * ({@code toString()}), so that dates, enums and decimals read as they print.
	 */
	public static String values(Object... namesAndValues) {
		Map<String, Object> members = new TreeMap<>();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			members.put(String.valueOf(namesAndValues[i]), jsonValue(namesAndValues[i + 1]));
		}
		return CanonicalJson.write(members);
	}

	private static Object jsonValue(Object value) {
		if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Short) {
			return value;
		}
		if (value instanceof Long number && Math.abs(number) <= MAX_EXACT_JSON_INTEGER) {
			return number;
		}
		if (value instanceof Collection<?> collection) {
			return collection.stream().map(AuditLog::jsonValue).toList();
		}
		return value.toString();
	}

	/**
	 * The old/new column as stored: JSON objects and arrays (from {@link #values}) in
	 * their canonical form, any other text as a JSON string.
	 */
	static String json(String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.startsWith("{") || stripped.startsWith("[")) {
			try {
				return CanonicalJson.write(CanonicalJson.read(value));
			}
			catch (IllegalArgumentException notJson) {
				// free text that merely starts like JSON: kept as a string below
			}
		}
		return CanonicalJson.write(value);
	}

	private static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.isAuthenticated()) ? authentication.getName() : "system";
	}

	private static String truncate(String value, int max) {
		return (value.length() <= max) ? value : value.substring(0, max);
	}

}
