package io.dualgate.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Whether DualGate sends e-mail: only with {@code spring.mail.host} configured (Spring
 * Boot then provides the mail sender). Without it notifications stay in the app; the log
 * says so once at start.
 */
@Component
class MailSwitch {

	private static final Logger log = LoggerFactory.getLogger(MailSwitch.class);

	private final JavaMailSender sender;

	private final Environment environment;

	MailSwitch(ObjectProvider<JavaMailSender> sender, Environment environment) {
		this.sender = sender.getIfAvailable();
		this.environment = environment;
	}

	boolean on() {
		return this.sender != null;
	}

	JavaMailSender sender() {
		return this.sender;
	}

	@EventListener(ApplicationReadyEvent.class)
	void tellOnce() {
		if (on()) {
			log.info("E-mail notifications are on: SMTP {}:{}", this.environment.getProperty("spring.mail.host"),
					this.environment.getProperty("spring.mail.port", "25"));
		}
		else {
			log.info("E-mail notifications are off (no spring.mail.host configured): notifications stay in-app");
		}
	}

}
