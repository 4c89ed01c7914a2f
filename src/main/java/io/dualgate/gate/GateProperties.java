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
public record GateProperties(@DefaultValue("48") @DurationUnit(ChronoUnit.HOURS) Duration slaHours,
		Map<Stage, String> slaHoursByStage) {

	public Duration slaFor(Stage fromStage) {
		if (this.slaHoursByStage != null && this.slaHoursByStage.containsKey(fromStage)) {
			return DurationStyle.detectAndParse(this.slaHoursByStage.get(fromStage).strip(), ChronoUnit.HOURS);
		}
		return this.slaHours;
	}

	/**
	 * The SLA of a transition in whole hours (rounded up), as the dashboard's figures
	 * state it. Public: the dashboard measures gate response times against the same
	 * figures.
	 */
	public int slaHoursFor(Stage fromStage) {
		return hoursRoundedUp(slaFor(fromStage));
	}

	/** The default SLA in whole hours (rounded up). */
	public int defaultSlaHours() {
		return hoursRoundedUp(this.slaHours);
	}

	private static int hoursRoundedUp(Duration duration) {
		return (int) Math.max(1, (duration.toSeconds() + 3599) / 3600);
	}

}
