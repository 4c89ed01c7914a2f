package io.dualgate.config;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DemoModeDefaultsTests {

	@Test
	void demoModeIsOnWithTheEmbeddedDatabase() {
		MockEnvironment environment = new MockEnvironment();
		new DemoModeDefaults().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("dualgate.demo", Boolean.class)).isTrue();
	}

	@Test
	void demoModeIsOffWithAnExternalDatabase() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url",
				"jdbc:postgresql://db.example/dualgate");
		new DemoModeDefaults().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("dualgate.demo", Boolean.class)).isFalse();
	}

	@Test
	void anExplicitSettingWins() {
		MockEnvironment environment = new MockEnvironment().withProperty("dualgate.demo", "false");
		new DemoModeDefaults().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("dualgate.demo", Boolean.class)).isFalse();
	}

}
