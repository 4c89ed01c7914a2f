package io.dualgate;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points the application's mail sender at {@link TestSmtp} (the host is set by
 * {@link IntegrationTest}, so that Spring Boot's mail auto-configuration switches on).
 */
@TestConfiguration(proxyBeanMethods = false)
public class MailTestConfiguration {

	@Bean
	DynamicPropertyRegistrar smtpPort() {
		TestSmtp.server();
		return (registry) -> registry.add("spring.mail.port", TestSmtp::port);
	}

}
