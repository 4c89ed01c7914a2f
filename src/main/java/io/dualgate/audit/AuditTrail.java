package io.dualgate.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and verifies the audit trail.
 */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

	private static final String COLUMNS = "seq, occurred_at, actor, action, entity_type, entity_id, old_value, new_value, reason, prev_hash, hash";

	private final JdbcClient jdbc;

	AuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<AuditEvent> latest(int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from audit_event order by seq desc limit ?")
			.param(limit)
			.query(AuditTrail::map)
			.list();
	}

	public List<AuditEvent> forEntity(String entityType, String entityId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from audit_event where entity_type = ? and entity_id = ? order by seq")
			.params(entityType, entityId)
			.query(AuditTrail::map)
			.list();
	}

	/**
	 * Recomputes every hash from the stored rows, in order, and names the first row that
	 * does not match its stored hash or does not link to its predecessor.
	 */
	public AuditVerification verify() {
		long[] count = { 0 };
		Long[] firstBroken = { null };
		String[] expectedPrev = { AuditLog.GENESIS_HASH };
		long[] expectedSeq = { 1 };
		this.jdbc.sql("select " + COLUMNS + " from audit_event order by seq").query((ResultSet rs) -> {
			AuditEvent event = map(rs, 0);
			count[0]++;
			if (firstBroken[0] == null) {
				boolean linked = event.seq() == expectedSeq[0] && event.prevHash().equals(expectedPrev[0]);
				boolean untouched = AuditChain.hash(event.prevHash(), event).equals(event.hash());
				if (!linked || !untouched) {
					firstBroken[0] = event.seq();
				}
			}
			expectedPrev[0] = event.hash();
			expectedSeq[0] = event.seq() + 1;
		});
		return new AuditVerification(count[0], firstBroken[0] == null, firstBroken[0]);
	}

	private static AuditEvent map(ResultSet rs, int row) throws SQLException {
		return new AuditEvent(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
				rs.getString("old_value"), rs.getString("new_value"), rs.getString("reason"), rs.getString("prev_hash"),
				rs.getString("hash"));
	}

}
