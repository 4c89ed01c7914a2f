package io.dualgate.ops;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The outbox's retry: after-commit listeners (e-mails, webhook deliveries, notifications)
 * that failed, or whose node stopped before they finished, are resubmitted from Spring
 * Modulith's event publication registry once they are older than
 * {@code dualgate.outbox.resubmit-after}. One node at a time (ShedLock), so two nodes
 * never resubmit the same publication at once; the listeners themselves are idempotent.
 */
@Component
class OutboxResubmission {

	private static final Logger log = LoggerFactory.getLogger(OutboxResubmission.class);

	private final IncompleteEventPublications incomplete;

	private final Duration minimumAge;

	OutboxResubmission(IncompleteEventPublications incomplete,
			@Value("${dualgate.outbox.resubmit-after:PT2M}") Duration minimumAge) {
		this.incomplete = incomplete;
		this.minimumAge = minimumAge;
	}

	@Scheduled(fixedDelayString = "${dualgate.outbox.resubmit-interval:PT1M}",
			initialDelayString = "${dualgate.outbox.resubmit-interval:PT1M}")
	@SchedulerLock(name = "outbox-resubmission", lockAtMostFor = "PT10M", lockAtLeastFor = "PT0S")
	public void resubmit() {
		log.debug("Resubmitting incomplete event publications older than {}", this.minimumAge);
		this.incomplete.resubmitIncompletePublicationsOlderThan(this.minimumAge);
	}

}
