package io.dualgate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * DualGate: dual-track PM stage gating for AI prototypes.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class DualGateApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(DualGateApplication.class);
		// -Ddualgate.startup-steps=true records where start-up time goes, for the
		// actuator's startup endpoint (bench/startup.sh reads it)
		if (Boolean.getBoolean("dualgate.startup-steps")) {
			application.setApplicationStartup(new BufferingApplicationStartup(20_000));
		}
		application.run(args);
	}

}
