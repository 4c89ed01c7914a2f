package io.dualgate.config;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * {@code dualgate.demo} defaults to true with the embedded database and to false when an
 * external PostgreSQL is configured, so that production never gets demo accounts by
 * accident.
 */
class DemoModeDefaults implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean external = StringUtils.hasText(environment.getProperty("spring.datasource.url"));
		environment.getPropertySources()
			.addLast(new MapPropertySource("dualgateDemoDefault", Map.of("dualgate.demo", !external)));
	}

}
