package io.dualgate.gate.monitoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.dualgate.gate.Gates;
import io.dualgate.gate.events.GateApproved;
import io.dualgate.gate.events.GateRejected;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Gate figures for Prometheus: open and overdue gates (counted at each scrape, so every
 * node reports the shared truth) and the time from opening to decision of each gate
 * decided on this node (recorded after the deciding transaction commits, so rolled-back
 * decisions never count).
 */
@Component
class GateMetrics {

	static final String OPEN = "dualgate.gates.open";

	static final String OVERDUE = "dualgate.gates.overdue";

	static final String DECISION_TIME = "dualgate.gate.decision.time";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final MeterRegistry registry;

	GateMetrics(JdbcTemplate jdbc, Clock clock, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.registry = registry;
		Gauge.builder(OPEN, this, GateMetrics::openGates)
			.description("Gates waiting for their signatures")
			.register(registry);
		Gauge.builder(OVERDUE, this, GateMetrics::overdueGates)
			.description("Open gates past their SLA due time")
			.register(registry);
	}

	double openGates() {
		Long count = this.jdbc.queryForObject("select count(*) from gate where status = 'OPEN'", Long.class);
		return (count != null) ? count : 0;
	}

	double overdueGates() {
		Long count = this.jdbc.queryForObject(
				"select count(*) from gate where status = 'OPEN' and opened_at + sla_seconds * interval '1 second' < ?",
				Long.class, Timestamp.from(this.clock.instant()));
		return (count != null) ? count : 0;
	}

	@EventListener
	void on(GateApproved event) {
		decided(event.gateId(), event.fromStage().name(), "APPROVED", event.at());
	}

	@EventListener
	void on(GateRejected event) {
		decided(event.gateId(), event.fromStage().name(), "REJECTED", event.at());
	}

	private void decided(long gateId, String fromStage, String outcome, Instant at) {
		Timestamp openedAt = this.jdbc.queryForObject("select opened_at from gate where id = ?", Timestamp.class,
				gateId);
		if (openedAt == null) {
			return;
		}
		Duration time = Duration.between(openedAt.toInstant(), at);
		Runnable record = () -> timer(fromStage, outcome).record(time.isNegative() ? Duration.ZERO : time);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					record.run();
				}
			});
		}
		else {
			record.run();
		}
	}

	private Timer timer(String fromStage, String outcome) {
		return Timer.builder(DECISION_TIME)
			.description("Time from opening a gate to its decision")
			.tag("from", fromStage)
			.tag("outcome", outcome)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMinutes(1))
			.maximumExpectedValue(Duration.ofDays(60))
			.register(this.registry);
	}

}
