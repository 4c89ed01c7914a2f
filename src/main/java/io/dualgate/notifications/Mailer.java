package io.dualgate.notifications;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dualgate.people.People;
import io.dualgate.people.Person;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a notification's e-mail after the change that caused it committed, off the
 * request's thread. The event publication registry keeps the request to send until this
 * returns; a failure (SMTP down) leaves it incomplete and it is resubmitted later. Each
 * e-mail is claimed in the database before it is sent, so two nodes or a retry racing the
 * first attempt never send it twice. An address that cannot receive mail is marked
 * undeliverable (shown to admins), never retried and never thrown at whoever acted.
 */
@Component
class Mailer {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	private final JdbcClient jdbc;

	private final MailSwitch mail;

	private final MailTemplates templates;

	private final NotificationTexts texts;

	private final People people;

	private final NotificationProperties properties;

	private final TransactionTemplate transactions;

	private final Counter failures;

	private final Clock clock;

	Mailer(JdbcClient jdbc, MailSwitch mail, MailTemplates templates, NotificationTexts texts, People people,
			NotificationProperties properties, PlatformTransactionManager transactionManager, MeterRegistry meters,
			Clock clock) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.templates = templates;
		this.texts = texts;
		this.people = people;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactionManager);
		this.failures = Counter.builder("dualgate.notifications.failed")
			.description("E-mails that could not be sent (each failed attempt)")
			.register(meters);
		this.clock = clock;
	}

	@Async
	@TransactionalEventListener
	public void on(NotificationRecorded recorded) {
		send(recorded.notificationId());
	}

	/** Sends one notification's e-mail unless it was sent (or is being sent) already. */
	void send(long notificationId) {
		if (!this.mail.on()) {
			return;
		}
		Optional<Claimed> claimed = this.transactions.execute((status) -> claim(notificationId));
		if (claimed == null || claimed.isEmpty()) {
			return;
		}
		Claimed notification = claimed.get();
		Person recipient = this.people.get(notification.recipientId());
		if (!deliverable(recipient.email())) {
			finish(notificationId, "UNDELIVERABLE", "invalid e-mail address");
			return;
		}
		String subject = this.texts.subject(notification.type(), notification.args(), recipient.locale());
		String text = this.texts.text(notification.type(), notification.args(), recipient.locale());
		try {
			deliver(recipient, subject,
					List.of(new MailTemplates.Line(text, this.properties.link(notification.link()))));
		}
		catch (MailException ex) {
			if (invalidAddress(ex)) {
				finish(notificationId, "UNDELIVERABLE", "the mail server refused the address");
				return;
			}
			this.failures.increment();
			finish(notificationId, "FAILED", shortMessage(ex));
			log.warn("E-mail for notification {} not sent (will retry): {}", notificationId, shortMessage(ex));
			throw ex;
		}
		finish(notificationId, "SENT", null);
	}

	/** Sends one e-mail with a text and an HTML part in the recipient's language. */
	void deliver(Person recipient, String subject, List<MailTemplates.Line> lines) {
		MailTemplates.Rendered body = this.templates.render("notification", recipient.locale(),
				Map.of("subject", subject, "name", recipient.fullName(), "lines", lines, "inboxLink",
						this.properties.link("/notifications"), "profileLink", this.properties.link("/profile")));
		try {
			MimeMessage message = this.mail.sender().createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
			helper.setFrom(this.properties.mailFrom());
			helper.setTo(new InternetAddress(recipient.email(), recipient.fullName(), StandardCharsets.UTF_8.name()));
			helper.setSubject(subject);
			helper.setText(body.text(), body.html());
			this.mail.sender().send(message);
		}
		catch (MessagingException | java.io.UnsupportedEncodingException ex) {
			throw new MailParseException(ex);
		}
	}

	void countFailure() {
		this.failures.increment();
	}

	static boolean deliverable(String address) {
		try {
			new InternetAddress(address, true).validate();
			return address.contains("@");
		}
		catch (AddressException ex) {
			return false;
		}
	}

	static boolean invalidAddress(MailException ex) {
		if (ex instanceof MailParseException) {
			return true;
		}
		if (ex instanceof MailSendException send) {
			for (Exception failure : send.getFailedMessages().values()) {
				if (failure instanceof SendFailedException refused && refused.getInvalidAddresses() != null
						&& refused.getInvalidAddresses().length > 0) {
					return true;
				}
			}
		}
		return false;
	}

	static String shortMessage(Exception ex) {
		String message = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		return (message.length() > 300) ? message.substring(0, 300) : message;
	}

	private Optional<Claimed> claim(long id) {
		Timestamp now = Timestamp.from(this.clock.instant());
		Timestamp stale = Timestamp.from(this.clock.instant().minusSeconds(120));
		return this.jdbc
			.sql("""
					update notification set email_status = 'SENDING', email_claimed_at = ?, email_attempts = email_attempts + 1
					where id = ? and (email_status in ('PENDING', 'FAILED')
					    or (email_status = 'SENDING' and email_claimed_at < ?))
					returning recipient_id, type, args, link""")
			.params(now, id, stale)
			.query((rs, n) -> new Claimed(rs.getLong(1), NotificationType.valueOf(rs.getString(2)), rs.getString(3),
					rs.getString(4)))
			.optional();
	}

	private void finish(long id, String status, String error) {
		this.transactions.executeWithoutResult((tx) -> this.jdbc.sql("""
				update notification set email_status = ?, email_error = ?,
				    emailed_at = case when ? = 'SENT' then ? else emailed_at end
				where id = ?""").params(status, error, status, Timestamp.from(this.clock.instant()), id).update());
	}

	private record Claimed(long recipientId, NotificationType type, String args, String link) {
	}

}
