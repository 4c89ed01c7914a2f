package io.dualgate.notifications;

import java.time.Instant;

/**
 * A notification as the inbox, the bell and the API show it, its text in the reader's
 * language.
 */
public record NotificationView(long id, NotificationType type, String text, String link, Long gateId,
		String prototypeKey, Instant createdAt, Instant readAt, String emailStatus) {

	public boolean unread() {
		return this.readAt == null;
	}

}
