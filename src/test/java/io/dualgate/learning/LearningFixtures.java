package io.dualgate.learning;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.dualgate.gate.GateFixtures;
import io.dualgate.metrics.Metrics;
import io.dualgate.metrics.ObservationSource;
import io.dualgate.people.ApiTokens;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Data of one learning-loop test: tokens, observations, delegations. Built from beans the
 * test already has (no imported configuration, so the test shares the application context
 * of the other integration tests).
 */
public final class LearningFixtures {

	private final GateFixtures gates;

	private final ApiTokens tokens;

	private final Metrics metrics;

	private final JdbcClient jdbc;

	public LearningFixtures(GateFixtures gates, ApiTokens tokens, Metrics metrics, JdbcClient jdbc) {
		this.gates = gates;
		this.tokens = tokens;
		this.metrics = metrics;
		this.jdbc = jdbc;
	}

	public String bearer(String username) {
		return "Bearer " + this.tokens.create(this.gates.userId(username), "learning test " + System.nanoTime());
	}

	public static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

	/** An observation recorded as the system would (demo data, POCs). */
	public void observe(String prototypeKey, String metric, LocalDate date, String value) {
		this.metrics.recordAll(List.of(new Metrics.RawObservationInput(prototypeKey, metric, date.toString(), value)),
				ObservationSource.API, null);
	}

	/** A running delegation of {@code delegator}'s track to {@code delegate}. */
	public void delegate(String delegator, String delegate, String track) {
		Instant now = Instant.now();
		this.jdbc.sql("""
				insert into delegation (delegator_id, delegate_id, track, valid_from, valid_until, reason, created_by,
				    created_at) values (?, ?, ?, ?, ?, 'holiday', ?, ?)""")
			.params(this.gates.userId(delegator), this.gates.userId(delegate), track,
					Timestamp.from(now.minus(Duration.ofHours(1))), Timestamp.from(now.plus(Duration.ofDays(3))),
					this.gates.userId(delegator), Timestamp.from(now))
			.update();
	}

	/** Declares a capability through the service, as its Exploration PM would. */
	public void capability(String prototypeKey, String key) {
		this.jdbc.sql("""
				insert into capability (prototype_id, key, name, level_changed_at, created_at)
				values ((select id from prototype where key = ?), ?, ?, now(), now())""")
			.params(prototypeKey, key, "Capability " + key)
			.update();
	}

	/** {@code n} cases as a JSON array, one a minute before {@code at}. */
	public static String cases(String prefix, String capability, int n, String outcome, String severity, Instant at) {
		StringBuilder json = new StringBuilder("[");
		for (int i = 0; i < n; i++) {
			if (i > 0) {
				json.append(',');
			}
			json.append("""
					{"case_id": "%s-%d", "capability": "%s", "outcome": "%s", "severity": "%s",
					 "reviewer": "reviewer", "occurred_at": "%s"}""".formatted(prefix, i, capability, outcome, severity,
					at.minus(Duration.ofMinutes(n - i))));
		}
		return json.append(']').toString();
	}

	public String level(String prototypeKey, String capability) {
		return this.jdbc
			.sql("""
					select level from capability where key = ? and prototype_id = (select id from prototype where key = ?)""")
			.params(capability, prototypeKey)
			.query(String.class)
			.single();
	}

	public long auditEvents(String action, String entityId) {
		return this.jdbc.sql("select count(*) from audit_event where action = ? and entity_id = ?")
			.params(action, entityId)
			.query(Long.class)
			.single();
	}

	public long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

}
