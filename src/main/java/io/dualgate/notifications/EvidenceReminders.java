package io.dualgate.notifications;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.dualgate.portfolio.DatedEvidence;
import io.dualgate.portfolio.EvidenceCalendar;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds the owner of dated evidence 7 days and 1 day before its last valid day (once
 * each: the notification's key holds the evidence, its date and the lead time). Hourly on
 * one node (ShedLock), so a reminder is never more than an hour late.
 */
@Component
class EvidenceReminders {

	private final ObjectProvider<EvidenceCalendar> calendars;

	private final Notifications notifications;

	private final Clock clock;

	EvidenceReminders(ObjectProvider<EvidenceCalendar> calendars, Notifications notifications, Clock clock) {
		this.calendars = calendars;
		this.notifications = notifications;
		this.clock = clock;
	}

	@Scheduled(cron = "${dualgate.evidence.reminder-cron:0 10 * * * *}", zone = "UTC")
	@SchedulerLock(name = "evidence-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5S")
	public void scheduled() {
		run(LocalDate.now(this.clock));
	}

	@Transactional
	int run(LocalDate today) {
		int sent = 0;
		List<DatedEvidence> dated = this.calendars.orderedStream()
			.flatMap((calendar) -> calendar.validUntilOnOrBefore(today.plusDays(7)).stream())
			.toList();
		for (DatedEvidence evidence : dated) {
			long days = ChronoUnit.DAYS.between(today, evidence.validUntil());
			if (evidence.expired() || days < 0 || evidence.ownerId() == null) {
				continue;
			}
			NotificationType type = (days <= 1) ? NotificationType.EVIDENCE_EXPIRING_1D
					: NotificationType.EVIDENCE_EXPIRING_7D;
			Notifications.Draft draft = new Notifications.Draft(type, null, evidence.prototypeKey(),
					List.of(evidence.prototypeName(), evidence.label(), evidence.validUntil(), days), evidence.path(),
					"evidence-expiring:" + evidence.reference() + ":" + evidence.validUntil() + ":" + type);
			if (this.notifications.record(evidence.ownerId(), draft).isPresent()) {
				sent++;
			}
		}
		return sent;
	}

}
