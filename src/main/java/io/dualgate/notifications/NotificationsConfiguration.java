package io.dualgate.notifications;

import java.util.List;
import java.util.Set;

import io.dualgate.gate.GatePageSection;
import io.dualgate.gate.GateView;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.people.Person;
import io.dualgate.people.ProfileSection;
import io.dualgate.web.NavigationLink;
import io.dualgate.web.NavigationLink.Menu;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.ui.Model;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationsConfiguration {

	@Bean
	NavigationLink operationsLink() {
		return new NavigationLink(95, "/admin/notifications", "nav.notifications.operations",
				Set.of("ADMIN", "AUDITOR"), Menu.ADMIN);
	}

	/** The gate page shows the reminders, overdue notices and escalations sent. */
	@Bean
	GatePageSection followUpSection(Notifications notifications) {
		return new GatePageSection() {

			@Override
			public int order() {
				return 10;
			}

			@Override
			public String fragment() {
				return "notifications/sections :: followUps";
			}

			@Override
			public void populate(GateView gate, AuthenticatedUser viewer, Model model) {
				List<Notifications.FollowUp> followUps = notifications.followUpsOf(gate.id());
				model.addAttribute("followUps", followUps);
			}

		};
	}

	/** One's delivery choice per type of notification, on the profile page. */
	@Bean
	ProfileSection preferencesSection(NotificationPreferences preferences, MailSwitch mail) {
		return new ProfileSection() {

			@Override
			public int order() {
				return 20;
			}

			@Override
			public String fragment() {
				return "notifications/sections :: preferences";
			}

			@Override
			public void populate(Person person, Model model) {
				model.addAttribute("notificationPreferences", preferences.all(person.id()));
				model.addAttribute("deliveries", Delivery.values());
				model.addAttribute("mailOn", mail.on());
			}

		};
	}

}
