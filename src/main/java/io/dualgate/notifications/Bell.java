package io.dualgate.notifications;

import io.dualgate.people.AuthenticatedUser;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The unread count the layout's bell shows on every page.
 */
@Component("bell")
class Bell {

	private final Notifications notifications;

	Bell(Notifications notifications) {
		this.notifications = notifications;
	}

	public long unread(Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user) {
			return this.notifications.unreadCount(user.id());
		}
		return 0;
	}

}
