package io.dualgate.alignment;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data written straight into the tables the dashboard reads, with unique keys so
 * tests never see each other's (or the demo's) prototypes: each test uses its own
 * vertical.
 */
class AlignmentFixtures {

	private final JdbcClient jdbc;

	AlignmentFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static String uniqueVertical() {
		return "Test " + UUID.randomUUID();
	}

	long prototype(String vertical, String stage, Instant registeredAt) {
		String key = "T-" + UUID.randomUUID().toString().substring(0, 18).toUpperCase();
		long pm = this.jdbc.sql("select id from app_user where username = 'explorer'").query(Long.class).single();
		long dm = this.jdbc.sql("select id from app_user where username = 'deliverer'").query(Long.class).single();
		long id = this.jdbc.sql("""
				insert into prototype (key, name, problem_statement, vertical, exploration_pm_id, delivery_pm_id,
				                       stage, created_at)
				values (?, ?, 'test', ?, ?, ?, ?, ?) returning id""")
			.params(key, "Test " + key, vertical, pm, dm, stage, Timestamp.from(registeredAt))
			.query(Long.class)
			.single();
		stageChange(id, null, "PROTOTYPE", registeredAt);
		return id;
	}

	String key(long prototypeId) {
		return this.jdbc.sql("select key from prototype where id = ?").param(prototypeId).query(String.class).single();
	}

	void stageChange(long prototypeId, String from, String to, Instant at) {
		this.jdbc.sql("insert into stage_change (prototype_id, from_stage, to_stage, changed_at) values (?, ?, ?, ?)")
			.params(prototypeId, from, to, Timestamp.from(at))
			.update();
	}

	/**
	 * An upsert, as the evidence module records: a second value for the same day replaces
	 * the first.
	 */
	void observe(long prototypeId, String metric, LocalDate day, BigDecimal value) {
		this.jdbc.sql("""
				insert into observation (prototype_id, metric_key, observed_on, value, source)
				values (?, ?, ?, ?, 'API')
				on conflict (prototype_id, metric_key, observed_on) do update set value = excluded.value""")
			.params(prototypeId, metric, Date.valueOf(day), value)
			.update();
	}

}
