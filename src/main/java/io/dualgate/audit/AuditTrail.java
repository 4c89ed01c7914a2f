package io.dualgate.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and verifies the audit trail.
 */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

	private static final String COLUMNS = "seq, occurred_at, actor, action, entity_type, entity_id, old_value, new_value, reason, prev_hash, hash, hash_version";

	/**
	 * Rows fetched per round trip when the whole trail is read (verification, export).
	 */
	private static final int FETCH_SIZE = 1000;

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
	 * One page of the events the filter selects, newest first, with their total count.
	 * Unfiltered, the seqs run 1 to the head without a gap (the chain is append-only), so
	 * the count is the head's seq and a page is a seq range: constant time at any depth.
	 * Filtered, the matching seqs come from the filter's own index, sorted, then the
	 * page's rows are read by seq; the planner is not left to walk the primary key
	 * backwards hoping to meet 50 matches early.
	 */
	AuditPage page(AuditFilter filter, int page, int size) {
		AuditFilter.Where where = filter.where();
		if (where.params().isEmpty()) {
			long head = this.jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();
			int number = clamp(page, head, size);
			long top = head - (long) number * size;
			List<AuditEvent> events = this.jdbc
				.sql("select " + COLUMNS + " from audit_event where seq <= ? and seq > ? order by seq desc")
				.params(top, top - size)
				.query(AuditTrail::map)
				.list();
			return new AuditPage(events, head, number, size);
		}
		long total = this.jdbc.sql("select count(*) from audit_event" + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
		int number = clamp(page, total, size);
		List<Object> params = new java.util.ArrayList<>(where.params());
		params.add(size);
		params.add((long) number * size);
		// One indexed filter: its index gives the rows in seq order.
		// A time range or several filters: collect the matching seqs, then sort them.
		String sql = filter.oneIndexedColumn()
				? "select " + COLUMNS + " from audit_event" + where.sql() + " order by seq desc limit ? offset ?"
				: "with matching as materialized (select seq from audit_event" + where.sql() + ") select " + COLUMNS
						+ " from audit_event where seq in (select seq from matching order by seq desc limit ? offset ?)"
						+ " order by seq desc";
		List<AuditEvent> events = this.jdbc.sql(sql).params(params).query(AuditTrail::map).list();
		return new AuditPage(events, total, number, size);
	}

	private static int clamp(int page, long total, int size) {
		int lastPage = (int) Math.max(0, (total - 1) / size);
		return Math.min(Math.max(page, 0), lastPage);
	}

	/**
	 * Hands every event the filter selects, oldest first, to the consumer while the rows
	 * stream from the database ({@value #FETCH_SIZE} at a time), so that memory does not
	 * grow with the trail.
	 */
	void stream(AuditFilter filter, Consumer<AuditEvent> consumer) {
		AuditFilter.Where where = filter.where();
		this.jdbc.sql("select " + COLUMNS + " from audit_event" + where.sql() + " order by seq")
			.withFetchSize(FETCH_SIZE)
			.params(where.params())
			.query((ResultSet rs) -> consumer.accept(map(rs, 0)));
	}

	/** The event types recorded so far, in alphabetical order. */
	List<String> actions() {
		return distinct("action");
	}

	/** The kinds of subject recorded so far, in alphabetical order. */
	List<String> entityTypes() {
		return distinct("entity_type");
	}

	/** When the oldest event kept was recorded. */
	Optional<Instant> oldest() {
		return this.jdbc.sql("select occurred_at from audit_event order by seq limit 1")
			.query((rs, row) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

	/**
	 * Recomputes every hash from the stored rows, in order, and names the first row that
	 * does not match its stored hash or does not link to its predecessor.
	 */
	public AuditVerification verify() {
		long[] count = { 0 };
		Long[] firstBroken = { null };
		String[] expectedPrev = { AuditChain.GENESIS_HASH };
		long[] expectedSeq = { 1 };
		this.jdbc.sql("select " + COLUMNS + " from audit_event order by seq")
			.withFetchSize(FETCH_SIZE)
			.query((ResultSet rs) -> {
				AuditEvent event = map(rs, 0);
				count[0]++;
				if (firstBroken[0] == null) {
					boolean linked = event.seq() == expectedSeq[0] && event.prevHash().equals(expectedPrev[0]);
					if (!linked || !matchesItsHash(event)) {
						firstBroken[0] = event.seq();
					}
				}
				expectedPrev[0] = event.hash();
				expectedSeq[0] = event.seq() + 1;
			});
		String head = (count[0] > 0) ? expectedPrev[0] : null;
		return new AuditVerification(count[0], firstBroken[0] == null, firstBroken[0], head);
	}

	private static boolean matchesItsHash(AuditEvent event) {
		try {
			return AuditChain.hash(event.prevHash(), event).equals(event.hash());
		}
		catch (IllegalArgumentException unreadable) {
			// a version 2 value that is no longer JSON was changed behind the chain's
			// back
			return false;
		}
	}

	/**
	 * A distinct column over an index without reading every row: one index probe per
	 * distinct value (a loose index scan).
	 */
	private List<String> distinct(String column) {
		return this.jdbc.sql("""
				with recursive v(value) as (
				  (select %1$s from audit_event order by %1$s limit 1)
				  union all
				  select (select %1$s from audit_event where %1$s > v.value order by %1$s limit 1)
				  from v where v.value is not null)
				select value from v where value is not null""".formatted(column)).query(String.class).list();
	}

	static AuditEvent map(ResultSet rs, int row) throws SQLException {
		return new AuditEvent(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
				rs.getString("old_value"), rs.getString("new_value"), rs.getString("reason"), rs.getString("prev_hash"),
				rs.getString("hash"), rs.getInt("hash_version"));
	}

	/** A page of events and how many the filter selects in all. */
	record AuditPage(List<AuditEvent> events, long total, int number, int size) {

		public int totalPages() {
			return (int) Math.max(1, (this.total + this.size - 1) / this.size);
		}

		public boolean first() {
			return this.number == 0;
		}

		public boolean last() {
			return this.number >= totalPages() - 1;
		}

		public long firstRow() {
			return (this.total == 0) ? 0 : (long) this.number * this.size + 1;
		}

		public long lastRow() {
			return (long) this.number * this.size + this.events.size();
		}

	}

}
