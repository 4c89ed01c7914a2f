package io.dualgate.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import io.dualgate.people.People;
import io.dualgate.people.Person;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One e-mail a day per person listing what they chose to get as a digest, at the hour
 * {@code dualgate.notifications.digest-cron} says (UTC), on one node (ShedLock). A
 * person's items are locked, mailed and marked in one transaction: if the mail fails they
 * stay for the next run; they are never mailed twice.
 */
@Component
class DailyDigest {

	private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

	private final JdbcClient jdbc;

	private final MailSwitch mail;

	private final Mailer mailer;

	private final NotificationTexts texts;

	private final People people;

	private final NotificationProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DailyDigest(JdbcClient jdbc, MailSwitch mail, Mailer mailer, NotificationTexts texts, People people,
			NotificationProperties properties, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.mailer = mailer;
		this.texts = texts;
		this.people = people;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	@Scheduled(cron = "${dualgate.notifications.digest-cron:0 0 7 * * *}", zone = "UTC")
	@SchedulerLock(name = "notification-digest", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5S")
	public void scheduled() {
		int sent = run();
		log.info("Daily digest: {} e-mails sent", sent);
	}

	/**
	 * @return how many digest e-mails were sent
	 */
	int run() {
		if (!this.mail.on()) {
			return 0;
		}
		List<Long> recipients = this.jdbc
			.sql("select distinct recipient_id from notification where email_status = 'DIGEST_PENDING'")
			.query(Long.class)
			.list();
		int sent = 0;
		for (long recipientId : recipients) {
			try {
				Boolean done = this.transactions.execute((status) -> digest(recipientId));
				if (Boolean.TRUE.equals(done)) {
					sent++;
				}
			}
			catch (MailException ex) {
				this.mailer.countFailure();
				log.warn("Digest for person {} not sent (next run retries): {}", recipientId, Mailer.shortMessage(ex));
			}
		}
		return sent;
	}

	private boolean digest(long recipientId) {
		List<Item> items = this.jdbc.sql("""
				select id, type, args, link from notification where recipient_id = ? and email_status = 'DIGEST_PENDING'
				order by created_at, id for update skip locked""")
			.param(recipientId)
			.query((rs, n) -> new Item(rs.getLong(1), NotificationType.valueOf(rs.getString(2)), rs.getString(3),
					rs.getString(4)))
			.list();
		if (items.isEmpty()) {
			return false;
		}
		Person recipient = this.people.get(recipientId);
		List<Long> ids = items.stream().map(Item::id).toList();
		if (!Mailer.deliverable(recipient.email())) {
			mark(ids, "UNDELIVERABLE", "invalid e-mail address");
			return false;
		}
		String subject = this.texts.message("notification.digest.subject", recipient.locale(), items.size());
		List<MailTemplates.Line> lines = items.stream()
			.map((item) -> new MailTemplates.Line(this.texts.text(item.type(), item.args(), recipient.locale()),
					this.properties.link(item.link())))
			.toList();
		this.mailer.deliver(recipient, subject, lines);
		mark(ids, "DIGESTED", null);
		return true;
	}

	private void mark(List<Long> ids, String status, String error) {
		for (long id : ids) {
			this.jdbc.sql("update notification set email_status = ?, email_error = ?, emailed_at = ? where id = ?")
				.params(status, error, Timestamp.from(this.clock.instant()), id)
				.update();
		}
	}

	private record Item(long id, NotificationType type, String args, String link) {
	}

}
