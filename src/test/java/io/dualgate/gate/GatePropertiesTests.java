package io.dualgate.gate;

import java.time.Duration;
import java.util.Map;

import io.dualgate.portfolio.Stage;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dualgate.gate.sla-hours} takes plain hours as before, or a duration for demos
 * and tests that cannot wait two days.
 */
class GatePropertiesTests {

	static GateProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("dualgate.gate",
				GateProperties.class);
	}

	@Test
	void plainNumbersAreHours() {
		assertThat(bind(Map.of("dualgate.gate.sla-hours", "48")).slaFor(Stage.PROTOTYPE))
			.isEqualTo(Duration.ofHours(48));
		assertThat(bind(Map.of()).slaFor(Stage.POC)).isEqualTo(Duration.ofHours(48));
	}

	@Test
	void durationsWorkToo() {
		assertThat(bind(Map.of("dualgate.gate.sla-hours", "PT5S")).slaFor(Stage.PROTOTYPE))
			.isEqualTo(Duration.ofSeconds(5));
		assertThat(bind(Map.of("dualgate.gate.sla-hours", "90m")).slaFor(Stage.PROTOTYPE))
			.isEqualTo(Duration.ofMinutes(90));
	}

	@Test
	void perStageOverridesTakeEitherForm() {
		GateProperties properties = bind(Map.of("dualgate.gate.sla-hours", "48", "dualgate.gate.sla-hours-by-stage.POC",
				"72", "dualgate.gate.sla-hours-by-stage.PILOT", "PT10S"));
		assertThat(properties.slaFor(Stage.POC)).isEqualTo(Duration.ofHours(72));
		assertThat(properties.slaFor(Stage.PILOT)).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.slaFor(Stage.PROTOTYPE)).isEqualTo(Duration.ofHours(48));
	}

	@Test
	void aGateKeepsItsSlaToTheSecondAndInWholeHoursForHourlyReaders() {
		Gate gate = GateTests.newGate(90);
		assertThat(gate.getSla()).isEqualTo(Duration.ofHours(48));
		assertThat(gate.getSlaHours()).isEqualTo(48);
		assertThat(SlaView.of(GateTests.T0, null, Duration.ofSeconds(5), GateTests.T0.plusSeconds(6)).overdue())
			.isTrue();
	}

}
