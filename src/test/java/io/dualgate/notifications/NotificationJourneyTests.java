package io.dualgate.notifications;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.dualgate.IntegrationTest;
import io.dualgate.TestSmtp;
import io.dualgate.gate.GateFixtures;
import io.dualgate.gate.GateView;
import io.dualgate.gate.Meaning;
import io.dualgate.gate.Track;
import io.dualgate.people.ApiTokens;
import io.dualgate.people.Role;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Done when: opening a gate puts a notification in both PMs' inboxes and an e-mail
 * (captured by a real SMTP server) in each one's language within seconds; the bell counts
 * it; marking it read clears the count. The API lists and marks the caller's own only.
 */
@IntegrationTest
class NotificationJourneyTests {

	@Autowired
	GateFixtures fixtures;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Test
	void openingAGateReachesBothPmsInTheirLanguageAndTheBellCountsIt() throws Exception {
		String explorer = this.fixtures.person("nexp", Role.EXPLORATION_PM);
		String deliverer = this.fixtures.person("ndel", Role.DELIVERY_PM);
		this.jdbc.sql("update app_user set preferred_language = 'zh-CN' where username = ?").param(deliverer).update();
		String key = this.fixtures.prototype(explorer, deliverer);

		GateView gate = this.fixtures.open(key, explorer);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(unread(explorer)).isEqualTo(1);
			assertThat(unread(deliverer)).isEqualTo(1);
			assertThat(mailsTo(explorer)).hasSize(1);
			assertThat(mailsTo(deliverer)).hasSize(1);
		});
		MimeMessage english = mailsTo(explorer).get(0);
		assertThat(english.getSubject())
			.isEqualTo("DualGate: gate #" + gate.id() + " for Prototype " + key + " is open");
		assertThat(parts(english)).hasSize(2);
		assertThat(text(english)).contains("Exploration track (technical) is yours to answer and sign")
			.contains("/gates/" + gate.id());
		assertThat(html(english)).contains("<a href=\"http://localhost:8080/gates/" + gate.id() + "\"");
		MimeMessage chinese = mailsTo(deliverer).get(0);
		assertThat(chinese.getSubject()).isEqualTo("DualGate：Prototype " + key + " 的门禁 #" + gate.id() + " 已开启");
		assertThat(text(chinese)).contains("交付轨（商业）由您回答并签署");

		// The bell on any page counts it; opening the inbox shows it; marking it read
		// clears the count.
		MvcTestResult page = this.mvc.get().uri("/prototypes").with(user(this.fixtures.login(explorer))).exchange();
		assertThat(page).bodyText().contains("id=\"bell-count\"").contains("1 unread notifications");
		MvcTestResult inbox = this.mvc.get().uri("/notifications").with(user(this.fixtures.login(explorer))).exchange();
		assertThat(inbox).hasStatusOk()
			.bodyText()
			.contains("Gate #" + gate.id() + " for Prototype " + key + " is open");
		long id = notificationOf(explorer);
		assertThat(this.mvc.post()
			.uri("/notifications/{id}/read", id)
			.with(user(this.fixtures.login(explorer)))
			.with(csrf())).hasStatus3xxRedirection();
		assertThat(unread(explorer)).isZero();
		assertThat(this.mvc.get().uri("/prototypes").with(user(this.fixtures.login(explorer))).exchange()).bodyText()
			.doesNotContain("id=\"bell-count\"")
			.contains("0 unread notifications");
	}

	@Test
	void theApiListsTheCallersUnreadNotificationsNewestFirstAndMarksOnlyTheirOwn() throws Exception {
		String explorer = this.fixtures.person("aexp", Role.EXPLORATION_PM);
		String deliverer = this.fixtures.person("adel", Role.DELIVERY_PM);
		long first = this.fixtures.open(this.fixtures.prototype(explorer, deliverer), explorer).id();
		// Notifications are written after the commit, off the request thread: the second
		// gate
		// opens once the first one's are in, so that "newest first" has an order to show.
		await().atMost(Duration.ofSeconds(20)).until(() -> unread(explorer) == 1 && unread(deliverer) == 1);
		long second = this.fixtures.open(this.fixtures.prototype(explorer, deliverer), explorer).id();
		await().atMost(Duration.ofSeconds(20)).until(() -> unread(explorer) == 2 && unread(deliverer) == 2);
		String token = this.tokens.create(this.fixtures.userId(explorer), "inbox");

		MvcTestResult list = this.mvc.get()
			.uri("/api/v1/notifications?unread=true")
			.header("Authorization", "Bearer " + token)
			.exchange();
		assertThat(list).hasStatusOk();
		assertThat(list).bodyJson()
			.extractingPath("$.notifications[*].gateId")
			.asArray()
			.containsExactly((int) second, (int) first);
		assertThat(list).bodyJson().extractingPath("$.unread").isEqualTo(2);

		long mine = notificationOf(explorer);
		long theirs = notificationOf(deliverer);
		assertThat(this.mvc.post()
			.uri("/api/v1/notifications/{id}/read", theirs)
			.header("Authorization", "Bearer " + token)
			.exchange()).hasStatus(404);
		assertThat(unread(deliverer)).isEqualTo(2);
		MvcTestResult read = this.mvc.post()
			.uri("/api/v1/notifications/{id}/read", mine)
			.header("Authorization", "Bearer " + token)
			.exchange();
		assertThat(read).hasStatusOk();
		assertThat(read).bodyJson().extractingPath("$.readAt").isNotNull();
		assertThat(this.mvc.get()
			.uri("/api/v1/notifications?unread=true")
			.header("Authorization", "Bearer " + token)
			.exchange()).bodyJson().extractingPath("$.unread").isEqualTo(1);
		assertThat(this.mvc.get()
			.uri("/api/v1/notifications?size=1000")
			.header("Authorization", "Bearer " + token)
			.exchange()).hasStatus(400);
	}

	@Test
	void markAllReadEmptiesTheBellAndTheInboxPages() {
		String explorer = this.fixtures.person("mexp", Role.EXPLORATION_PM);
		String deliverer = this.fixtures.person("mdel", Role.DELIVERY_PM);
		this.fixtures.open(this.fixtures.prototype(explorer, deliverer), explorer);
		await().atMost(Duration.ofSeconds(20)).until(() -> unread(explorer) == 1);
		assertThat(
				this.mvc.post().uri("/notifications/read-all").with(user(this.fixtures.login(explorer))).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(unread(explorer)).isZero();
		assertThat(
				this.mvc.get().uri("/notifications?unread=true").with(user(this.fixtures.login(explorer))).exchange())
			.bodyText()
			.contains("No notifications here.");
	}

	@Test
	void anApprovedGateTellsBothPmsAndWhoeverOpenedItOnceAndTheWaitingSignerIsAskedFirst() {
		String explorer = this.fixtures.person("vexp", Role.EXPLORATION_PM);
		String deliverer = this.fixtures.person("vdel", Role.DELIVERY_PM);
		long gateId = this.fixtures.open(this.fixtures.prototype(explorer, deliverer), deliverer).id();
		this.fixtures.answerPassing(gateId, Track.TECHNICAL, explorer);
		this.fixtures.answerPassing(gateId, Track.COMMERCIAL, deliverer);
		this.fixtures.sign(gateId, Track.TECHNICAL, explorer, Meaning.APPROVE, null);
		await().atMost(Duration.ofSeconds(20)).until(() -> count(deliverer, "AWAITING_SIGNATURE") == 1);
		assertThat(count(explorer, "AWAITING_SIGNATURE")).isZero();
		this.fixtures.sign(gateId, Track.COMMERCIAL, deliverer, Meaning.APPROVE, null);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> count(explorer, "GATE_APPROVED") == 1 && count(deliverer, "GATE_APPROVED") == 1);
		assertThat(this.mvc.get().uri("/notifications").with(user(this.fixtures.login(explorer))).exchange()).bodyText()
			.contains("Gate #" + gateId + " is approved");
	}

	@Test
	void theProfileSetsHowEachTypeReachesThePerson() {
		String explorer = this.fixtures.person("pexp", Role.EXPLORATION_PM);
		String deliverer = this.fixtures.person("pdel", Role.DELIVERY_PM);
		assertThat(this.mvc.get().uri("/profile").with(user(this.fixtures.login(deliverer))).exchange()).bodyText()
			.contains("id=\"notification-preferences\"", "In the app and in the daily digest e-mail");
		assertThat(this.mvc.post()
			.uri("/profile/notifications")
			.param("delivery.GATE_OPENED", "IN_APP")
			.with(user(this.fixtures.login(deliverer)))
			.with(csrf())).hasStatus3xxRedirection();
		assertThat(this.mvc.post()
			.uri("/profile/notifications")
			.param("delivery.GATE_OPENED", "BY_PIGEON")
			.with(user(this.fixtures.login(deliverer)))
			.with(csrf())).hasStatus3xxRedirection();
		this.fixtures.open(this.fixtures.prototype(explorer, deliverer), explorer);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> count(deliverer, "GATE_OPENED") == 1 && mailsTo(explorer).size() == 1);
		assertThat(
				this.jdbc.sql("select email_status from notification where recipient_id = ? and type = 'GATE_OPENED'")
					.param(this.fixtures.userId(deliverer))
					.query(String.class)
					.single())
			.isEqualTo("NONE");
		assertThat(mailsTo(deliverer)).isEmpty();
	}

	@Test
	void aMetKillCriterionTellsThePrototypesPms() {
		String explorer = this.fixtures.person("kexp", Role.EXPLORATION_PM);
		String deliverer = this.fixtures.person("kdel", Role.DELIVERY_PM);
		String key = this.fixtures.prototype(explorer, deliverer);
		long prototypeId = this.jdbc.sql("select id from prototype where key = ?")
			.param(key)
			.query(Long.class)
			.single();
		this.transactions.executeWithoutResult((status) -> this.events
			.publishEvent(new io.dualgate.metrics.KillCriterionMet(System.nanoTime(), prototypeId, key,
					"Prototype " + key, "task_completion_rate_pct < 85 for 7 days", java.time.Instant.now())));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> count(explorer, "KILL_CRITERION_MET") == 1 && count(deliverer, "KILL_CRITERION_MET") == 1);
	}

	long count(String username, String type) {
		return this.jdbc.sql("select count(*) from notification where recipient_id = ? and type = ?")
			.params(this.fixtures.userId(username), type)
			.query(Long.class)
			.single();
	}

	long unread(String username) {
		return this.jdbc.sql("select count(*) from notification where recipient_id = ? and read_at is null")
			.param(this.fixtures.userId(username))
			.query(Long.class)
			.single();
	}

	long notificationOf(String username) {
		return this.jdbc.sql("select max(id) from notification where recipient_id = ?")
			.param(this.fixtures.userId(username))
			.query(Long.class)
			.single();
	}

	static List<MimeMessage> mailsTo(String username) {
		return Arrays.stream(TestSmtp.server().getReceivedMessages()).filter((m) -> {
			try {
				return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
					.anyMatch((a) -> a.toString().contains(username + "@test.example"));
			}
			catch (Exception ex) {
				return false;
			}
		}).toList();
	}

	/** The text parts of a mail, wherever they sit in its multipart tree. */
	static List<String> parts(MimeMessage message) throws Exception {
		List<String> found = new java.util.ArrayList<>();
		collect(message.getContent(), found);
		return found;
	}

	private static void collect(Object content, List<String> found) throws Exception {
		if (content instanceof MimeMultipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				jakarta.mail.BodyPart part = multipart.getBodyPart(i);
				if (part.isMimeType("text/*")) {
					found.add((String) part.getContent());
				}
				else {
					collect(part.getContent(), found);
				}
			}
		}
	}

	static String text(MimeMessage message) throws Exception {
		return parts(message).get(0);
	}

	static String html(MimeMessage message) throws Exception {
		return parts(message).get(1);
	}

}
