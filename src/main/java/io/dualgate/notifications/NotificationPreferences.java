package io.dualgate.notifications;

import java.util.EnumMap;
import java.util.Map;

import io.dualgate.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per person and type of notification: in the app only, in the app and by e-mail (the
 * default), or in the daily digest.
 */
@Service
@Transactional(readOnly = true)
class NotificationPreferences {

	static final Delivery DEFAULT = Delivery.IN_APP_AND_EMAIL;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	NotificationPreferences(JdbcClient jdbc, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	Delivery of(long personId, NotificationType type) {
		return this.jdbc.sql("select delivery from notification_preference where person_id = ? and type = ?")
			.params(personId, type.name())
			.query(String.class)
			.optional()
			.map(Delivery::valueOf)
			.orElse(DEFAULT);
	}

	Map<NotificationType, Delivery> all(long personId) {
		Map<NotificationType, Delivery> result = new EnumMap<>(NotificationType.class);
		for (NotificationType type : NotificationType.values()) {
			result.put(type, DEFAULT);
		}
		this.jdbc.sql("select type, delivery from notification_preference where person_id = ?")
			.param(personId)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.forEach((e) -> {
				try {
					result.put(NotificationType.valueOf(e.getKey()), Delivery.valueOf(e.getValue()));
				}
				catch (IllegalArgumentException ex) {
					// a type no longer known: ignored
				}
			});
		return result;
	}

	@Transactional
	void save(long personId, Map<NotificationType, Delivery> choices) {
		Map<NotificationType, Delivery> before = all(personId);
		for (Map.Entry<NotificationType, Delivery> choice : choices.entrySet()) {
			this.jdbc.sql("""
					insert into notification_preference (person_id, type, delivery) values (?, ?, ?)
					on conflict (person_id, type) do update set delivery = excluded.delivery""")
				.params(personId, choice.getKey().name(), choice.getValue().name())
				.update();
		}
		Map<NotificationType, Delivery> after = all(personId);
		if (!before.equals(after)) {
			this.auditLog.record("NOTIFICATION_PREFERENCES_CHANGED", "user", personId, before.toString(),
					after.toString(), null);
		}
	}

}
