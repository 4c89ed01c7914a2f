package io.dualgate.notifications;

import java.util.EnumMap;
import java.util.Map;

import io.dualgate.people.AuthenticatedUser;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One's own notifications: the inbox (paged, newest first), marking one or all read, and
 * one's delivery preferences (set on the profile page).
 */
@Controller
@PreAuthorize("isAuthenticated()")
class InboxController {

	static final int PAGE_SIZE = 20;

	private final Notifications notifications;

	private final NotificationPreferences preferences;

	InboxController(Notifications notifications, NotificationPreferences preferences) {
		this.notifications = notifications;
		this.preferences = preferences;
	}

	@GetMapping("/notifications")
	String inbox(@AuthenticationPrincipal AuthenticatedUser me,
			@RequestParam(name = "unread", defaultValue = "false") boolean unread,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		Page<NotificationView> list = this.notifications.inbox(me.id(), unread, page, PAGE_SIZE,
				LocaleContextHolder.getLocale());
		model.addAttribute("notifications", list);
		model.addAttribute("unreadOnly", unread);
		return "notifications/inbox";
	}

	@PostMapping("/notifications/{id}/read")
	String markRead(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id,
			@RequestParam(name = "open", defaultValue = "false") boolean open, RedirectAttributes redirect) {
		NotificationView read = this.notifications.markRead(id, me.id(), LocaleContextHolder.getLocale());
		return "redirect:" + (open ? read.link() : "/notifications");
	}

	@PostMapping("/notifications/read-all")
	String markAllRead(@AuthenticationPrincipal AuthenticatedUser me, RedirectAttributes redirect) {
		int count = this.notifications.markAllRead(me.id());
		redirect.addFlashAttribute("success", "notification.allRead");
		redirect.addFlashAttribute("successArg", count);
		return "redirect:/notifications";
	}

	@PostMapping("/profile/notifications")
	String savePreferences(@AuthenticationPrincipal AuthenticatedUser me, @RequestParam Map<String, String> parameters,
			RedirectAttributes redirect) {
		Map<NotificationType, Delivery> choices = new EnumMap<>(NotificationType.class);
		for (NotificationType type : NotificationType.values()) {
			String value = parameters.get("delivery." + type);
			if (value != null) {
				try {
					choices.put(type, Delivery.valueOf(value));
				}
				catch (IllegalArgumentException ex) {
					redirect.addFlashAttribute("error", "notification.preferences.invalid");
					return "redirect:/profile#notification-preferences";
				}
			}
		}
		this.preferences.save(me.id(), choices);
		redirect.addFlashAttribute("success", "notification.preferences.saved");
		return "redirect:/profile#notification-preferences";
	}

}
