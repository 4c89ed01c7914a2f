package io.dualgate.notifications;

import java.time.Duration;
import java.util.List;

import io.dualgate.IntegrationTest;
import io.dualgate.TestSmtp;
import io.dualgate.gate.GateFixtures;
import io.dualgate.gate.GateView;
import io.dualgate.gate.Meaning;
import io.dualgate.gate.Track;
import io.dualgate.people.Role;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * E-mail leaves after the change committed and never holds it up: with the SMTP server
 * down a signature goes through at once, the e-mail waits in the outbox, and once the
 * server is back the outbox resubmission delivers it exactly once. Undeliverable
 * addresses are shown to admins, never thrown at signers; the daily digest sends one mail
 * for the day's items, once.
 */
@IntegrationTest
class MailDeliveryTests {

	@Autowired
	GateFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DailyDigest digest;

	@Autowired
	MeterRegistry meters;

	@Autowired
	MockMvcTester mvc;

	@AfterEach
	void smtpBackUp() {
		if (!TestSmtp.server().isRunning()) {
			TestSmtp.restart();
		}
	}

	@Test
	void anSmtpOutageNeitherFailsNorSlowsASignatureAndRecoveryDeliversExactlyOnce() throws Exception {
		String explorer = this.fixtures.person("oexp", Role.EXPLORATION_PM);
		String deliverer = this.fixtures.person("odel", Role.DELIVERY_PM);
		long gateId = this.fixtures.open(this.fixtures.prototype(explorer, deliverer), explorer).id();
		this.fixtures.answerPassing(gateId, Track.TECHNICAL, explorer);
		await().atMost(Duration.ofSeconds(20)).until(() -> NotificationJourneyTests.mailsTo(deliverer).size() == 1);
		double failedBefore = failedCounter();

		TestSmtp.stop();
		long started = System.nanoTime();
		GateView signed = this.fixtures.sign(gateId, Track.TECHNICAL, explorer, Meaning.APPROVE, null);
		long signMillis = (System.nanoTime() - started) / 1_000_000;
		assertThat(signed.technical().signed()).isTrue();
		// The signature does not wait for SMTP (the connection timeout alone is 10 s).
		assertThat(signMillis).isLessThan(8_000);

		// The deliverer is told in the app at once; the e-mail fails and waits.
		await().atMost(Duration.ofSeconds(20)).until(() -> status(deliverer, "AWAITING_SIGNATURE").equals("FAILED"));
		assertThat(failedCounter()).isGreaterThan(failedBefore);
		assertThat(this.mvc.get().uri("/admin/notifications").with(user(this.fixtures.login("admin"))).exchange())
			.bodyText()
			.contains("Failed sending attempts");

		// Back up: the outbox resubmission (every second in tests) delivers it, once.
		TestSmtp.restart();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> mailsAbout(deliverer, "awaits your signature").size() == 1
					&& status(deliverer, "AWAITING_SIGNATURE").equals("SENT"));
		await().during(Duration.ofSeconds(4))
			.atMost(Duration.ofSeconds(10))
			.until(() -> mailsAbout(deliverer, "awaits your signature").size() == 1);
	}

	@Test
	void anAddressThatCannotReceiveMailIsReportedToAdminsNotThrownAtSigners() {
		String explorer = this.fixtures.person("uexp", Role.EXPLORATION_PM);
		String deliverer = this.fixtures.person("udel", Role.DELIVERY_PM);
		this.jdbc.sql("update app_user set email = 'not an address' where username = ?").param(deliverer).update();
		this.fixtures.open(this.fixtures.prototype(explorer, deliverer), explorer);
		await().atMost(Duration.ofSeconds(20)).until(() -> status(deliverer, "GATE_OPENED").equals("UNDELIVERABLE"));
		assertThat(this.mvc.get().uri("/admin/notifications").with(user(this.fixtures.login("admin"))).exchange())
			.bodyText()
			.contains("Test " + deliverer)
			.contains("not an address");
	}

	@Test
	void theDailyDigestSendsOneMailForTheDaysItemsAndNeverTwice() throws Exception {
		String explorer = this.fixtures.person("gexp", Role.EXPLORATION_PM);
		String deliverer = this.fixtures.person("gdel", Role.DELIVERY_PM);
		this.jdbc
			.sql("""
					insert into notification_preference (person_id, type, delivery) values (?, 'GATE_OPENED', 'DAILY_DIGEST')""")
			.param(this.fixtures.userId(deliverer))
			.update();
		this.fixtures.open(this.fixtures.prototype(explorer, deliverer), explorer);
		this.fixtures.open(this.fixtures.prototype(explorer, deliverer), explorer);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> count(deliverer, "DIGEST_PENDING") == 2
					&& NotificationJourneyTests.mailsTo(explorer).size() == 2);
		assertThat(NotificationJourneyTests.mailsTo(deliverer)).isEmpty();

		this.digest.run();
		List<MimeMessage> digests = NotificationJourneyTests.mailsTo(deliverer);
		assertThat(digests).hasSize(1);
		assertThat(digests.get(0).getSubject()).isEqualTo("DualGate: your daily digest (2 notifications)");
		assertThat(NotificationJourneyTests.text(digests.get(0))).contains("is open", "/gates/");
		assertThat(count(deliverer, "DIGESTED")).isEqualTo(2);

		this.digest.run();
		assertThat(NotificationJourneyTests.mailsTo(deliverer)).hasSize(1);
	}

	private List<MimeMessage> mailsAbout(String username, String subjectPart) {
		return NotificationJourneyTests.mailsTo(username).stream().filter((m) -> {
			try {
				return m.getSubject().contains(subjectPart);
			}
			catch (Exception ex) {
				return false;
			}
		}).toList();
	}

	private String status(String username, String type) {
		return this.jdbc.sql("select email_status from notification where recipient_id = ? and type = ?")
			.params(this.fixtures.userId(username), type)
			.query(String.class)
			.optional()
			.orElse("none");
	}

	private long count(String username, String status) {
		return this.jdbc.sql("select count(*) from notification where recipient_id = ? and email_status = ?")
			.params(this.fixtures.userId(username), status)
			.query(Long.class)
			.single();
	}

	private double failedCounter() {
		return this.meters.find("dualgate.notifications.failed").counter().count();
	}

}
