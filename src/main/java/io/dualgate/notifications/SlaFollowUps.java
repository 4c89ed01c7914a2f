package io.dualgate.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.dualgate.gate.AwaitingGate;
import io.dualgate.gate.Gates;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static io.dualgate.notifications.NotificationTexts.message;

/**
 * The SLA clock pushing people: at 75 % of a gate's SLA each waiting signer gets one
 * reminder, at 100 % one overdue notice, at 125 % the signer's manager (or the admins)
 * one escalation. Each milestone of a gate is claimed once in {@code sla_follow_up}
 * ({@code update ... where reminded_at is null}) in the same transaction as its
 * notifications, so however many nodes run this job (ShedLock lets one at a time) and
 * however often, nothing is sent twice.
 */
@Component
class SlaFollowUps {

	static final double REMINDER = 0.75;

	static final double OVERDUE = 1.0;

	static final double ESCALATION = 1.25;

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final Gates gates;

	private final Notifications notifications;

	private final Recipients recipients;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SlaFollowUps(Gates gates, Notifications notifications, Recipients recipients, JdbcClient jdbc,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Clock clock) {
		this.gates = gates;
		this.notifications = notifications;
		this.recipients = recipients;
		this.jdbc = jdbc;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${dualgate.notifications.sla-check-interval:PT1M}",
			initialDelayString = "${dualgate.notifications.sla-check-interval:PT1M}")
	@SchedulerLock(name = "sla-follow-ups", lockAtMostFor = "PT10M", lockAtLeastFor = "PT0S")
	public void scheduled() {
		run(this.clock.instant());
	}

	/**
	 * Sends every follow-up due at {@code now}; returns how many milestones were reached.
	 */
	int run(Instant now) {
		int reached = 0;
		for (AwaitingGate gate : this.gates.awaitingSignatures()) {
			if (gate.tracks().isEmpty()) {
				continue;
			}
			Integer count = this.transactions.execute((status) -> followUp(gate, now));
			reached += (count != null) ? count : 0;
		}
		return reached;
	}

	private int followUp(AwaitingGate gate, Instant now) {
		this.jdbc.sql("""
				insert into sla_follow_up (gate_id, opened_at, due_at) values (?, ?, ?)
				on conflict (gate_id) do nothing""")
			.params(gate.gateId(), Timestamp.from(gate.openedAt()), Timestamp.from(gate.dueAt()))
			.update();
		int reached = 0;
		if (!now.isBefore(gate.at(REMINDER)) && claim(gate.gateId(), "reminded_at", now)) {
			remindSigners(gate, NotificationType.SLA_REMINDER);
			reached++;
		}
		if (!now.isBefore(gate.at(OVERDUE)) && claim(gate.gateId(), "overdue_at", now)) {
			remindSigners(gate, NotificationType.SLA_OVERDUE);
			this.events.publishEvent(new GateOverdue(gate.gateId(), gate.prototypeId(), gate.prototypeKey(),
					gate.prototypeName(), gate.dueAt(), now));
			reached++;
		}
		if (!now.isBefore(gate.at(ESCALATION)) && claim(gate.gateId(), "escalated_at", now)) {
			escalate(gate);
			reached++;
		}
		return reached;
	}

	private void remindSigners(AwaitingGate gate, NotificationType type) {
		for (AwaitingGate.AwaitingTrack track : gate.tracks()) {
			Set<Long> signers = new LinkedHashSet<>();
			signers.add(track.ownerId());
			signers.addAll(track.delegateIds());
			Notifications.Draft draft = new Notifications.Draft(type, gate.gateId(), gate.prototypeKey(),
					List.of(gate.gateId(), gate.prototypeName(), message("gate.track." + track.track()),
							WHEN.format(gate.dueAt())),
					"/gates/" + gate.gateId(), "sla:" + type + ":" + gate.gateId() + ":" + track.track());
			signers.forEach((id) -> this.notifications.record(id, draft));
		}
	}

	private void escalate(AwaitingGate gate) {
		for (AwaitingGate.AwaitingTrack track : gate.tracks()) {
			Notifications.Draft draft = new Notifications.Draft(NotificationType.SLA_ESCALATION, gate.gateId(),
					gate.prototypeKey(),
					List.of(gate.gateId(), gate.prototypeName(), message("gate.track." + track.track()),
							this.recipients.nameOf(track.ownerId()), WHEN.format(gate.dueAt())),
					"/gates/" + gate.gateId(), "sla:SLA_ESCALATION:" + gate.gateId() + ":" + track.track());
			this.recipients.escalationFor(track.ownerId()).forEach((id) -> this.notifications.record(id, draft));
		}
	}

	/**
	 * Sets the milestone once; false when it was set before (by this node or another).
	 */
	private boolean claim(long gateId, String column, Instant now) {
		return this.jdbc.sql("update sla_follow_up set " + column + " = ? where gate_id = ? and " + column + " is null")
			.params(Timestamp.from(now), gateId)
			.update() == 1;
	}

	/** A gate was decided: kept for the figures (decisions after a reminder). */
	void decided(long gateId, Instant at) {
		this.jdbc.sql("update sla_follow_up set decided_at = ? where gate_id = ? and decided_at is null")
			.params(Timestamp.from(at), gateId)
			.update();
	}

}
