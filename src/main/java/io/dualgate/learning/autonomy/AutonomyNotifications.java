package io.dualgate.learning.autonomy;

import java.util.List;

import io.dualgate.notifications.NotificationType;
import io.dualgate.notifications.Notifications;
import io.dualgate.portfolio.Portfolio;
import io.dualgate.portfolio.PrototypeView;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the prototype's PMs that a capability's autonomy was taken back, after the change
 * committed (retried from the event publication registry until it is recorded, once per
 * person and change).
 */
@Component
class AutonomyNotifications {

	private final Notifications notifications;

	private final Portfolio portfolio;

	AutonomyNotifications(Notifications notifications, Portfolio portfolio) {
		this.notifications = notifications;
		this.portfolio = portfolio;
	}

	@ApplicationModuleListener
	void on(AutonomyLowered event) {
		PrototypeView prototype = this.portfolio.get(event.prototypeId());
		this.notifications.notify(NotificationType.AUTONOMY_LOWERED,
				List.of(prototype.explorationPmId(), prototype.deliveryPmId()), prototype.key(),
				List.of(event.capability(), prototype.name(),
						Notifications.messageArgument("autonomy.level." + event.from()),
						Notifications.messageArgument("autonomy.level." + event.to()),
						(event.evidence() != null) ? event.evidence() : ""),
				"/prototypes/" + prototype.key() + "/capabilities/" + event.capability(),
				"autonomy-lowered:" + event.changeId());
	}

}
