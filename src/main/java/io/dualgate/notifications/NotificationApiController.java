package io.dualgate.notifications;

import java.util.List;

import io.dualgate.people.AuthenticatedUser;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own notifications, newest first.
 */
@RestController
@RequestMapping("/api/v1/notifications")
@PreAuthorize("isAuthenticated()")
class NotificationApiController {

	private final Notifications notifications;

	NotificationApiController(Notifications notifications) {
		this.notifications = notifications;
	}

	/**
	 * {@code ?unread=true} for the unread ones only; {@code page}, {@code size} (at most
	 * 100).
	 */
	@GetMapping
	Inbox list(@AuthenticationPrincipal AuthenticatedUser me,
			@RequestParam(name = "unread", defaultValue = "false") boolean unread,
			@RequestParam(name = "page", defaultValue = "0") int page,
			@RequestParam(name = "size", defaultValue = "20") int size) {
		if (page < 0 || size < 1 || size > 100) {
			throw new IllegalArgumentException("page must be 0 or more and size between 1 and 100");
		}
		Page<NotificationView> found = this.notifications.inbox(me.id(), unread, page, size,
				LocaleContextHolder.getLocale());
		return new Inbox(found.getContent(), found.getNumber(), found.getSize(), found.getTotalElements(),
				this.notifications.unreadCount(me.id()));
	}

	/** Marks one of the caller's notifications read; someone else's is a 404. */
	@PostMapping("/{id}/read")
	NotificationView markRead(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id) {
		return this.notifications.markRead(id, me.id(), LocaleContextHolder.getLocale());
	}

	record Inbox(List<NotificationView> notifications, int page, int size, long total, long unread) {
	}

}
