package io.dualgate.notifications;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * For admins: whether notifications get out. E-mails by state, the sending failures, the
 * people whose address cannot receive mail, and the outbox (event publications not yet
 * completed).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
class NotificationOperationsController {

	private final JdbcClient jdbc;

	private final MailSwitch mail;

	NotificationOperationsController(JdbcClient jdbc, MailSwitch mail) {
		this.jdbc = jdbc;
		this.mail = mail;
	}

	@GetMapping("/admin/notifications")
	String operations(Model model) {
		Map<String, Long> byStatus = new java.util.TreeMap<>();
		this.jdbc.sql("select email_status, count(*) from notification group by email_status")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.forEach((e) -> byStatus.put(e.getKey(), e.getValue()));
		long failedAttempts = this.jdbc.sql(
				"select coalesce(sum(greatest(email_attempts - case when email_status = 'SENT' then 1 else 0 end, 0)), 0)"
						+ " from notification where email_attempts > 0")
			.query(Long.class)
			.single();
		List<Undeliverable> undeliverable = this.jdbc.sql("""
				select u.id, u.username, u.full_name, u.email, count(*), max(n.created_at) from notification n
				join app_user u on u.id = n.recipient_id where n.email_status = 'UNDELIVERABLE'
				group by u.id, u.username, u.full_name, u.email order by u.username""")
			.query((rs, n) -> new Undeliverable(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getLong(5), rs.getTimestamp(6).toInstant()))
			.list();
		long outbox = this.jdbc.sql("select count(*) from event_publication where completion_date is null")
			.query(Long.class)
			.single();
		model.addAttribute("mailOn", this.mail.on());
		model.addAttribute("byStatus", byStatus);
		model.addAttribute("failedAttempts", failedAttempts);
		model.addAttribute("undeliverable", undeliverable);
		model.addAttribute("outbox", outbox);
		return "notifications/operations";
	}

	record Undeliverable(long id, String username, String fullName, String email, long notifications,
			java.time.Instant last) {
	}

}
