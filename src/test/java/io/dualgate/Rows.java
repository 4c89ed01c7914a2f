package io.dualgate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.assertj.core.api.AbstractThrowableAssert;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Rows a {@link RepositoryTest} inserts for itself, in plain SQL (the schema's own
 * defaults and triggers apply): people, prototypes, templates, gates and signatures with
 * names no other test uses.
 */
public final class Rows {

	private static final AtomicInteger counter = new AtomicInteger();

	/** A SHA-256 in hex, as signatures store them. */
	public static final String HASH = "0".repeat(64);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	public Rows(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/**
	 * Runs SQL the database should refuse, inside a savepoint of the test's transaction,
	 * so that the transaction goes on after the refusal; asserts on the refusal.
	 */
	public AbstractThrowableAssert<?, ? extends Throwable> refuses(String sql, Object... params) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			Savepoint savepoint = connection.setSavepoint();
			Throwable refusal = catchThrowable(() -> this.jdbc.sql(sql).params(params).update());
			connection.rollback(savepoint);
			assertThat(refusal).as("the database refuses: %s", sql).isNotNull();
			return assertThat(refusal);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Runs SQL the database should accept, returning the count of rows it changed. */
	public int update(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).update();
	}

	/** A unique name with the given prefix, e.g. {@code "pm17"}. */
	public static String unique(String prefix) {
		return prefix + counter.incrementAndGet();
	}

	/** An active person holding the given roles. */
	public long person(String username, String... roles) {
		long id = this.jdbc.sql("""
				insert into app_user (username, full_name, email, password_hash, reporting_line)
				values (?, ?, ?, 'not-a-hash', 'CPO') returning id""")
			.params(username, "Test " + username, username + "@test.example")
			.query(Long.class)
			.single();
		for (String role : roles) {
			this.jdbc.sql("insert into user_role (user_id, role) values (?, ?)").params(id, role).update();
		}
		return id;
	}

	/** A prototype at stage PROTOTYPE, its stage history started. */
	public long prototype(String key, String name, String vertical, long explorationPm, long deliveryPm) {
		long id = this.jdbc.sql("""
				insert into prototype (key, name, problem_statement, vertical, exploration_pm_id, delivery_pm_id, stage)
				values (?, ?, 'A problem', ?, ?, ?, 'PROTOTYPE') returning id""")
			.params(key, name, vertical, explorationPm, deliveryPm)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into stage_change (prototype_id, from_stage, to_stage, changed_at, reason)
				values (?, null, 'PROTOTYPE', now(), 'registered')""").param(id).update();
		return id;
	}

	/** A checklist template for the move out of PROTOTYPE, in a version of its own. */
	public long template(String track) {
		int version = this.jdbc
			.sql("""
					select coalesce(max(version), 0) + 1 from checklist_template where from_stage = 'PROTOTYPE' and track = ?""")
			.param(track)
			.query(Integer.class)
			.single();
		return this.jdbc.sql("""
				insert into checklist_template (from_stage, to_stage, track, version, title, created_at)
				values ('PROTOTYPE', 'POC', ?, ?, 'Test template', now()) returning id""")
			.params(track, version)
			.query(Long.class)
			.single();
	}

	/** A gate of the prototype in the given status (OPEN, APPROVED or REJECTED). */
	public long gate(long prototypeId, String status) {
		long technical = template("TECHNICAL");
		long commercial = template("COMMERCIAL");
		Instant decided = status.equals("OPEN") ? null : Instant.now();
		return this.jdbc.sql("""
				insert into gate (prototype_id, from_stage, to_stage, status, technical_template_id,
				    technical_template_version, commercial_template_id, commercial_template_version, opened_at,
				    sla_hours, decided_at, decision_reason, last_changed_at)
				values (?, 'PROTOTYPE', 'POC', ?, ?, 1, ?, 1, now(), 48, ?, ?, now()) returning id""")
			.params(prototypeId, status, technical, commercial,
					(decided != null) ? java.sql.Timestamp.from(decided) : null,
					status.equals("REJECTED") ? "not ready" : null)
			.query(Long.class)
			.single();
	}

	/** A valid APPROVE signature of one track of a gate. */
	public long signature(long gateId, String track, long signerId) {
		long template = this.jdbc
			.sql("select " + (track.equals("TECHNICAL") ? "technical" : "commercial")
					+ "_template_id from gate where id = ?")
			.param(gateId)
			.query(Long.class)
			.single();
		return this.jdbc.sql("""
				insert into gate_signature (gate_id, track, signer_id, signer_name, signed_at, meaning, meaning_text,
				    template_id, template_version, content_hash)
				values (?, ?, ?, 'Test signer', now(), 'APPROVE', 'Approved', ?, 1, ?) returning id""")
			.params(gateId, track, signerId, template, HASH)
			.query(Long.class)
			.single();
	}

}
