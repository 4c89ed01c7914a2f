package io.dualgate.notifications;

import io.dualgate.SliceMocks;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The inbox, its API and the layout's bell in a {@link io.dualgate.WebSliceTest} (no
 * unread notifications unless a test stubs {@link Notifications}). The delivery page
 * reads SQL itself and is tested on PostgreSQL only.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ InboxController.class, NotificationApiController.class, Bell.class })
public class SliceNotifications {

	@Bean
	Notifications notifications() {
		return SliceMocks.mock(Notifications.class);
	}

	@Bean
	NotificationPreferences notificationPreferences() {
		return SliceMocks.mock(NotificationPreferences.class);
	}

	@Bean
	SlaFollowUpFigures slaFollowUpFigures() {
		return SliceMocks.mock(SlaFollowUpFigures.class);
	}

}
