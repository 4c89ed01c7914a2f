package io.dualgate.gate;

import java.util.Map;

import io.dualgate.portfolio.Stage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Gate settings: the SLA target in hours, with an optional override per transition keyed
 * by the stage it leaves ({@code dualgate.gate.sla-hours-by-stage.POC=72}). Public: the
 * dashboard measures gate response times against the same figures.
 */
@ConfigurationProperties("dualgate.gate")
public record GateProperties(@DefaultValue("48") int slaHours, Map<Stage, Integer> slaHoursByStage) {

	public int slaHoursFor(Stage fromStage) {
		if (this.slaHoursByStage != null && this.slaHoursByStage.containsKey(fromStage)) {
			return this.slaHoursByStage.get(fromStage);
		}
		return this.slaHours;
	}

}
