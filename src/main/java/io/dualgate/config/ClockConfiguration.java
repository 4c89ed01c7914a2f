package io.dualgate.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	/** Server time in UTC: timestamps never come from the client. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
