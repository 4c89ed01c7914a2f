package io.dualgate.gate;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.dualgate.portfolio.Stage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.convert.DurationUnit;

/**
 * Gate settings: the SLA target, with an optional override per transition keyed by the
 * stage it leaves ({@code dualgate.gate.sla-hours-by-stage.POC=72}). A plain number is in
 * hours ({@code 48}); a duration works too ({@code PT5S}, {@code 90m}), for demos and
 * tests that cannot wait two days.
 */
@ConfigurationProperties("dualgate.gate")
record GateProperties(@DefaultValue("48") @DurationUnit(ChronoUnit.HOURS) Duration slaHours,
		Map<Stage, String> slaHoursByStage) {

	Duration slaFor(Stage fromStage) {
		if (this.slaHoursByStage != null && this.slaHoursByStage.containsKey(fromStage)) {
			return DurationStyle.detectAndParse(this.slaHoursByStage.get(fromStage).strip(), ChronoUnit.HOURS);
		}
		return this.slaHours;
	}

}
