package io.dualgate.notifications;

import java.time.LocalDate;
import java.time.ZoneOffset;

import io.dualgate.IntegrationTest;
import io.dualgate.gate.GateFixtures;
import io.dualgate.gate.Gates;
import io.dualgate.gate.ItemView;
import io.dualgate.gate.Track;
import io.dualgate.gate.checklist.Answer;
import io.dualgate.people.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner of dated evidence hears of it 7 days and 1 day before its last valid day,
 * once each, however often the job runs.
 */
@IntegrationTest
class EvidenceReminderTests {

	@Autowired
	GateFixtures fixtures;

	@Autowired
	Gates gates;

	@Autowired
	EvidenceReminders reminders;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theOwnerIsRemindedSevenDaysAndOneDayBeforeOnceEach() {
		String explorer = this.fixtures.person("rexp", Role.EXPLORATION_PM);
		long gateId = this.fixtures.open(this.fixtures.prototype(explorer, "deliverer"), explorer).id();
		ItemView link = this.gates.get(gateId)
			.technical()
			.items()
			.stream()
			.filter((i) -> i.kind().name().equals("EVIDENCE_LINK"))
			.findFirst()
			.orElseThrow();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate lastDay = today.plusDays(10);
		this.gates.answer(gateId, Track.TECHNICAL, link.code(),
				new Answer(null, null, "https://evidence.example/white-paper.pdf", lastDay), null,
				this.fixtures.userId(explorer), "FORM");

		this.reminders.run(today);
		assertThat(count(explorer, "EVIDENCE_EXPIRING_7D")).isZero();
		this.reminders.run(today.plusDays(3));
		this.reminders.run(today.plusDays(4));
		assertThat(count(explorer, "EVIDENCE_EXPIRING_7D")).isOne();
		assertThat(count(explorer, "EVIDENCE_EXPIRING_1D")).isZero();
		this.reminders.run(today.plusDays(9));
		this.reminders.run(today.plusDays(10));
		assertThat(count(explorer, "EVIDENCE_EXPIRING_1D")).isOne();
		assertThat(count(explorer, "EVIDENCE_EXPIRING_7D")).isOne();
	}

	long count(String username, String type) {
		return this.jdbc.sql("select count(*) from notification where recipient_id = ? and type = ?")
			.params(this.fixtures.userId(username), type)
			.query(Long.class)
			.single();
	}

}
