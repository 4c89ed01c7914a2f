package io.dualgate.ops;

import java.time.Clock;
import java.time.Instant;
import java.sql.Timestamp;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A periodic look at the shared state (expired sessions still waiting for Spring
 * Session's cleanup), recorded in {@code job_run}. Guarded by ShedLock: with several
 * nodes it runs on one of them per slot, which the row's {@code node} column shows.
 */
@Component
class Housekeeping {

	static final String JOB = "housekeeping";

	private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final String node;

	Housekeeping(JdbcTemplate jdbc, Clock clock, @Value("${dualgate.node.name}") String node) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.node = node;
	}

	@Scheduled(cron = "${dualgate.ops.housekeeping.cron}", zone = "UTC")
	@SchedulerLock(name = JOB, lockAtMostFor = "${dualgate.ops.housekeeping.lock-at-most-for}",
			lockAtLeastFor = "${dualgate.ops.housekeeping.lock-at-least-for}")
	@Transactional
	public void run() {
		Instant now = this.clock.instant();
		Integer expired = this.jdbc.queryForObject("SELECT count(*) FROM spring_session WHERE expiry_time < ?",
				Integer.class, now.toEpochMilli());
		this.jdbc.update("INSERT INTO job_run (job_name, node, started_at, expired_sessions_seen) VALUES (?, ?, ?, ?)",
				JOB, this.node, Timestamp.from(now), (expired != null) ? expired : 0);
		log.debug("Housekeeping on node {}: {} expired sessions waiting for cleanup", this.node, expired);
	}

}
