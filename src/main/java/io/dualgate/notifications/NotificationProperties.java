package io.dualgate.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings.
 *
 * @param baseUrl where people open DualGate: the start of every link in an e-mail
 * @param mailFrom the sender of every e-mail
 * @param slaCheckInterval how often the SLA follow-ups are checked
 * @param digestCron when the daily digest goes out (UTC)
 */
@ConfigurationProperties("dualgate.notifications")
record NotificationProperties(@DefaultValue("http://localhost:8080") String baseUrl,
		@DefaultValue("DualGate <dualgate@localhost>") String mailFrom, @DefaultValue("PT1M") Duration slaCheckInterval,
		@DefaultValue("0 0 7 * * *") String digestCron) {

	String link(String path) {
		String base = this.baseUrl.endsWith("/") ? this.baseUrl.substring(0, this.baseUrl.length() - 1) : this.baseUrl;
		return base + path;
	}

}
