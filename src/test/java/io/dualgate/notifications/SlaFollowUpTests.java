package io.dualgate.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.dualgate.IntegrationTest;
import io.dualgate.gate.GateFixtures;
import io.dualgate.gate.GateView;
import io.dualgate.gate.Meaning;
import io.dualgate.gate.Track;
import io.dualgate.people.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The SLA clock pushes people, with the clock moved instead of waited for: at 75 % each
 * waiting signer gets exactly one reminder, at 100 % one overdue notice, at 125 % the
 * signer's manager (or, where none, the admins) one escalation; running the job again
 * sends nothing twice; the gate page shows what was sent and when; the figures count it.
 */
@IntegrationTest
class SlaFollowUpTests {

	@Autowired
	GateFixtures fixtures;

	@Autowired
	SlaFollowUps followUps;

	@Autowired
	SlaFollowUpFigures figures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Test
	void eachWaitingSignerIsRemindedOnceThenToldItIsOverdueAndTheManagerGetsOneEscalation() throws Exception {
		String manager = this.fixtures.person("boss", Role.EXECUTIVE);
		String explorer = this.fixtures.person("sexp", Role.EXPLORATION_PM);
		String deliverer = this.fixtures.person("sdel", Role.DELIVERY_PM);
		this.jdbc.sql("update app_user set manager_id = ? where username = ?")
			.params(this.fixtures.userId(manager), explorer)
			.update();
		GateView gate = this.fixtures.open(this.fixtures.prototype(explorer, deliverer), explorer);
		Instant opened = gate.openedAt();
		Duration sla = gate.sla().target();
		assertThat(sla).isEqualTo(Duration.ofHours(48));

		this.followUps.run(at(opened, sla, 0.5));
		assertThat(followUps(gate.id())).isEmpty();

		this.followUps.run(at(opened, sla, 0.76));
		this.followUps.run(at(opened, sla, 0.8));
		assertThat(sent(gate.id(), "SLA_REMINDER", explorer)).isOne();
		assertThat(sent(gate.id(), "SLA_REMINDER", deliverer)).isOne();
		assertThat(sent(gate.id(), "SLA_OVERDUE", explorer)).isZero();

		this.followUps.run(at(opened, sla, 1.01));
		this.followUps.run(at(opened, sla, 1.1));
		assertThat(sent(gate.id(), "SLA_OVERDUE", explorer)).isOne();
		assertThat(sent(gate.id(), "SLA_OVERDUE", deliverer)).isOne();
		assertThat(sent(gate.id(), "SLA_ESCALATION", manager)).isZero();

		this.followUps.run(at(opened, sla, 1.26));
		this.followUps.run(at(opened, sla, 2.0));
		// the explorer's manager for the technical track; the deliverer has none: admins
		assertThat(sent(gate.id(), "SLA_ESCALATION", manager)).isOne();
		assertThat(sent(gate.id(), "SLA_ESCALATION", "admin")).isOne();
		assertThat(sent(gate.id(), "SLA_ESCALATION", explorer)).isZero();
		assertThat(sent(gate.id(), "SLA_REMINDER", explorer)).isOne();
		assertThat(followUps(gate.id())).filteredOn((type) -> !type.equals("SLA_ESCALATION")).hasSize(4);

		String page = this.mvc.get()
			.uri("/gates/{id}", gate.id())
			.with(user(this.fixtures.login(explorer)))
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("Reminders and escalations sent", "Reminder (75 % of the SLA)", "Overdue",
				"Escalation", "Test " + manager, "Test " + deliverer);
	}

	@Test
	void aSignedTrackIsNotRemindedAndADecidedGateCountsAsDecidedAfterAReminder() throws Exception {
		String explorer = this.fixtures.person("fexp", Role.EXPLORATION_PM);
		String deliverer = this.fixtures.person("fdel", Role.DELIVERY_PM);
		GateView gate = this.fixtures.open(this.fixtures.prototype(explorer, deliverer), explorer);
		this.fixtures.answerPassing(gate.id(), Track.TECHNICAL, explorer);
		this.fixtures.sign(gate.id(), Track.TECHNICAL, explorer, Meaning.APPROVE, null);
		Instant opened = gate.openedAt();

		this.followUps.run(at(opened, gate.sla().target(), 0.8));
		assertThat(sent(gate.id(), "SLA_REMINDER", explorer)).isZero();
		assertThat(sent(gate.id(), "SLA_REMINDER", deliverer)).isOne();

		this.fixtures.answerPassing(gate.id(), Track.COMMERCIAL, deliverer);
		this.fixtures.sign(gate.id(), Track.COMMERCIAL, deliverer, Meaning.APPROVE, null);
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("select decided_at is not null from sla_follow_up where gate_id = ?")
				.param(gate.id())
				.query(Boolean.class)
				.single());
		SlaFollowUpFigures.Figures figures = this.figures.between(opened.minusMillis(1), opened.plusMillis(1));
		assertThat(figures.reminded()).isOne();
		assertThat(figures.decidedAfterReminder()).isZero();
		// The decision came before the (simulated, future) reminder: re-date the reminder
		// to an earlier moment to count the gate as decided after one.
		this.jdbc.sql("update sla_follow_up set reminded_at = opened_at where gate_id = ?").param(gate.id()).update();
		figures = this.figures.between(opened.minusMillis(1), opened.plusMillis(1));
		assertThat(figures.decidedAfterReminder()).isOne();
		assertThat(figures.medianHoursAfterReminder()).isNotNull().isLessThan(1.0);

		// the dashboard shows the figures beside the gate performance
		String dashboard = this.mvc.get()
			.uri("/alignment")
			.with(user(this.fixtures.login("executive")))
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(dashboard).contains("id=\"sla-follow-ups\"", "Reminded (75 % of the SLA)",
				"Escalated (125 % of the SLA)", "Median hours to decision of gates decided after a reminder");

		// a decided gate gets no more follow-ups
		this.followUps.run(at(opened, gate.sla().target(), 1.5));
		assertThat(sent(gate.id(), "SLA_OVERDUE", deliverer)).isZero();
	}

	static Instant at(Instant opened, Duration sla, double fraction) {
		return opened.plusMillis((long) (sla.toMillis() * fraction));
	}

	long sent(long gateId, String type, String username) {
		return this.jdbc.sql("select count(*) from notification where gate_id = ? and type = ? and recipient_id = ?")
			.params(gateId, type, this.fixtures.userId(username))
			.query(Long.class)
			.single();
	}

	List<String> followUps(long gateId) {
		return this.jdbc.sql("select type from notification where gate_id = ? and type like 'SLA_%' order by id")
			.param(gateId)
			.query(String.class)
			.list();
	}

}
