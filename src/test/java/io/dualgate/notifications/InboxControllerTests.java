package io.dualgate.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.dualgate.WebSliceTest;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.people.Role;
import io.dualgate.shared.NotFoundException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.dualgate.people.SignedIn.as;
import static io.dualgate.people.SignedIn.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * One's own notifications in the browser and the API, without a database: the bell counts
 * the unread ones on every page, opening one leads to its gate, someone else's is a 404,
 * and a delivery choice that does not exist changes nothing.
 */
@WebSliceTest
class InboxControllerTests {

	static final AuthenticatedUser DELIVERER = person(3, "deliverer", Role.DELIVERY_PM);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Notifications notifications;

	@Autowired
	NotificationPreferences preferences;

	@Autowired
	io.dualgate.people.ApiTokens tokens;

	NotificationView opened = new NotificationView(5, NotificationType.GATE_OPENED,
			"Gate #42 opened for Contract Risk Review", "/gates/42", 42L, "CONTRACT-RISK",
			Instant.parse("2026-05-04T09:00:00Z"), null, null);

	@Test
	void theInboxListsTheNotificationsAndTheBellCountsTheUnreadOnes() {
		given(this.notifications.inbox(eq(DELIVERER.id()), eq(false), eq(0), eq(InboxController.PAGE_SIZE), any()))
			.willReturn(new PageImpl<>(List.of(this.opened), PageRequest.of(0, InboxController.PAGE_SIZE), 1));
		given(this.notifications.unreadCount(DELIVERER.id())).willReturn(3L);
		MvcTestResult page = this.mvc.get().uri("/notifications").with(as(DELIVERER)).exchange();
		assertThat(page).hasStatusOk().bodyText().contains("Gate #42 opened for Contract Risk Review");
		assertThat(page).bodyText().containsPattern("id=\"bell-count\"[^>]*>\\s*3\\s*<");
	}

	@Test
	void openingANotificationMarksItReadAndLeadsToItsGate() {
		given(this.notifications.markRead(eq(5L), eq(DELIVERER.id()), any(Locale.class))).willReturn(this.opened);
		assertThat(this.mvc.post().uri("/notifications/5/read").param("open", "true").with(as(DELIVERER)).with(csrf()))
			.hasRedirectedUrl("/gates/42");
	}

	@Test
	void someoneElsesNotificationIsA404() {
		given(this.notifications.markRead(eq(6L), eq(DELIVERER.id()), any(Locale.class)))
			.willThrow(new NotFoundException("notification.notFound", 6L));
		assertThat(this.mvc.post().uri("/notifications/6/read").with(as(DELIVERER)).with(csrf())).hasStatus(404)
			.bodyText()
			.contains("There is no notification 6 of yours.");
		given(this.tokens.authenticate("deliverer-token")).willReturn(java.util.Optional.of(DELIVERER));
		MvcTestResult api = this.mvc.post()
			.uri("/api/v1/notifications/6/read")
			.header(HttpHeaders.AUTHORIZATION, "Bearer deliverer-token")
			.exchange();
		assertThat(api).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(api).bodyJson().extractingPath("$.detail").isEqualTo("There is no notification 6 of yours.");
	}

	@Test
	void markingAllReadSaysHowMany() {
		given(this.notifications.markAllRead(DELIVERER.id())).willReturn(4);
		assertThat(this.mvc.post().uri("/notifications/read-all").with(as(DELIVERER)).with(csrf()))
			.hasRedirectedUrl("/notifications")
			.flash()
			.containsEntry("success", "notification.allRead")
			.containsEntry("successArg", 4);
	}

	@Test
	void aDeliveryChoiceThatDoesNotExistChangesNothing() {
		assertThat(this.mvc.post()
			.uri("/profile/notifications")
			.param("delivery.GATE_OPENED", "CARRIER_PIGEON")
			.with(as(DELIVERER))
			.with(csrf())).hasRedirectedUrl("/profile#notification-preferences")
			.flash()
			.containsEntry("error", "notification.preferences.invalid");
		then(this.preferences).should(never()).save(anyLong(), any());
	}

	@Test
	void theApiRefusesAPageSizeOver100() {
		given(this.tokens.authenticate("deliverer-token")).willReturn(java.util.Optional.of(DELIVERER));
		MvcTestResult api = this.mvc.get()
			.uri("/api/v1/notifications?size=1000")
			.header(HttpHeaders.AUTHORIZATION, "Bearer deliverer-token")
			.exchange();
		assertThat(api).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		then(this.notifications).should(never()).inbox(anyLong(), anyBoolean(), anyInt(), anyInt(), any());
	}

}
