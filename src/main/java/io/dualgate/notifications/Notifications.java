package io.dualgate.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.dualgate.people.People;
import io.dualgate.people.Person;
import io.dualgate.people.Role;
import io.dualgate.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one model of notifications for all channels: each is recorded once per person and
 * event (its dedup key), read in the inbox and the API, and e-mailed at once or in the
 * daily digest as the person prefers.
 */
@Service
@Transactional(readOnly = true)
public class Notifications {

	private final JdbcClient jdbc;

	private final People people;

	private final NotificationPreferences preferences;

	private final NotificationTexts texts;

	private final MailSwitch mail;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Notifications(JdbcClient jdbc, People people, NotificationPreferences preferences, NotificationTexts texts,
			MailSwitch mail, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.people = people;
		this.preferences = preferences;
		this.texts = texts;
		this.mail = mail;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What to notify: one type, one subject, the text's arguments, a link, and the key
	 * that makes it happen once.
	 */
	record Draft(NotificationType type, Long gateId, String prototypeKey, List<?> arguments, String link,
			String dedupKey) {
	}

	/**
	 * Records the notification for one person unless it was recorded before (same key) or
	 * the person is inactive; asks for its e-mail when they want one at once.
	 * @return the new notification's id, empty when nothing was recorded
	 */
	@Transactional
	Optional<Long> record(long recipientId, Draft draft) {
		Person recipient = this.people.findById(recipientId).orElse(null);
		if (recipient == null || !recipient.active()) {
			return Optional.empty();
		}
		Delivery delivery = this.preferences.of(recipientId, draft.type());
		String emailStatus = switch (delivery) {
			case IN_APP -> "NONE";
			case IN_APP_AND_EMAIL -> this.mail.on() ? "PENDING" : "OFF";
			case DAILY_DIGEST -> this.mail.on() ? "DIGEST_PENDING" : "OFF";
		};
		String key = draft.dedupKey() + ":" + recipientId;
		Optional<Long> id = this.jdbc.sql("""
				insert into notification (recipient_id, type, gate_id, prototype_key, args, link, dedup_key, created_at,
				    delivery, email_status)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (dedup_key) do nothing returning id""")
			.params(recipientId, draft.type().name(), draft.gateId(), draft.prototypeKey(),
					NotificationTexts.encode(draft.arguments()), draft.link(),
					(key.length() > 200) ? key.substring(0, 200) : key, Timestamp.from(this.clock.instant()),
					delivery.name(), emailStatus)
			.query(Long.class)
			.optional();
		if (id.isPresent() && emailStatus.equals("PENDING")) {
			this.events.publishEvent(new NotificationRecorded(id.get()));
		}
		return id;
	}

	/**
	 * An argument that is itself a message code (a level, a track): each reader sees it
	 * in their own language.
	 */
	public static String messageArgument(String code) {
		return NotificationTexts.message(code);
	}

	/**
	 * Tells these people about something another module decided (a capability's autonomy
	 * lowered), once per person and key.
	 */
	@Transactional
	public void notify(NotificationType type, java.util.Collection<Long> recipientIds, String prototypeKey,
			List<?> arguments, String link, String dedupKey) {
		for (Long recipient : new java.util.LinkedHashSet<>(recipientIds)) {
			record(recipient, new Draft(type, null, prototypeKey, arguments, link, dedupKey));
		}
	}

	/** Tells every active admin (a webhook endpoint was disabled, ...). */
	@Transactional
	public void toAdmins(NotificationType type, List<?> arguments, String link, String dedupKey) {
		for (Person admin : this.people.activeWithRole(Role.ADMIN)) {
			record(admin.id(), new Draft(type, null, null, arguments, link, dedupKey));
		}
	}

	// --- the inbox

	public long unreadCount(long recipientId) {
		return this.jdbc.sql("select count(*) from notification where recipient_id = ? and read_at is null")
			.param(recipientId)
			.query(Long.class)
			.single();
	}

	/** One page of a person's notifications, newest first. */
	public Page<NotificationView> inbox(long recipientId, boolean unreadOnly, int page, int size, Locale locale) {
		int safeSize = Math.max(1, Math.min(size, 100));
		int safePage = Math.max(0, Math.min(page, 100_000));
		String where = " where recipient_id = ?" + (unreadOnly ? " and read_at is null" : "");
		long total = this.jdbc.sql("select count(*) from notification" + where)
			.param(recipientId)
			.query(Long.class)
			.single();
		List<NotificationView> rows = this.jdbc
			.sql(SELECT + where + " order by created_at desc, id desc limit ? offset ?")
			.params(recipientId, safeSize, (long) safePage * safeSize)
			.query((rs, n) -> view(rs, locale))
			.list();
		return new PageImpl<>(rows, PageRequest.of(safePage, safeSize), total);
	}

	/** Marks one of the caller's own notifications read; another person's is a 404. */
	@Transactional
	public NotificationView markRead(long id, long recipientId, Locale locale) {
		this.jdbc.sql("update notification set read_at = coalesce(read_at, ?) where id = ? and recipient_id = ?")
			.params(Timestamp.from(this.clock.instant()), id, recipientId)
			.update();
		return this.jdbc.sql(SELECT + " where id = ? and recipient_id = ?")
			.params(id, recipientId)
			.query((rs, n) -> view(rs, locale))
			.optional()
			.orElseThrow(() -> new NotFoundException("notification.notFound", id));
	}

	@Transactional
	public int markAllRead(long recipientId) {
		return this.jdbc.sql("update notification set read_at = ? where recipient_id = ? and read_at is null")
			.params(Timestamp.from(this.clock.instant()), recipientId)
			.update();
	}

	/** The SLA follow-ups sent for a gate (reminders, overdue notices, escalations). */
	List<FollowUp> followUpsOf(long gateId) {
		return this.jdbc
			.sql("""
					select n.type, n.recipient_id, u.full_name, n.created_at, n.email_status, n.emailed_at from notification n
					join app_user u on u.id = n.recipient_id
					where n.gate_id = ? and n.type in ('SLA_REMINDER', 'SLA_OVERDUE', 'SLA_ESCALATION')
					order by n.created_at, n.id""")
			.param(gateId)
			.query((rs, n) -> new FollowUp(NotificationType.valueOf(rs.getString(1)), rs.getLong(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getString(5),
					(rs.getTimestamp(6) != null) ? rs.getTimestamp(6).toInstant() : null))
			.list();
	}

	/** A follow-up as the gate page lists it. */
	record FollowUp(NotificationType type, long recipientId, String recipientName, Instant sentAt, String emailStatus,
			Instant emailedAt) {
	}

	private static final String SELECT = "select id, type, args, link, gate_id, prototype_key, created_at, read_at,"
			+ " email_status from notification";

	private NotificationView view(java.sql.ResultSet rs, Locale locale) throws java.sql.SQLException {
		NotificationType type = NotificationType.valueOf(rs.getString("type"));
		Timestamp read = rs.getTimestamp("read_at");
		return new NotificationView(rs.getLong("id"), type, this.texts.text(type, rs.getString("args"), locale),
				rs.getString("link"), (Long) rs.getObject("gate_id"), rs.getString("prototype_key"),
				rs.getTimestamp("created_at").toInstant(), (read != null) ? read.toInstant() : null,
				rs.getString("email_status"));
	}

}
