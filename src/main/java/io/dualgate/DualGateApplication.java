package io.dualgate;

import io.dualgate.audit.AuditExportVerifier;

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
		// `java -jar dualgate.jar verify-audit export.jsonl` checks an audit export
		// offline: no Spring, no database.
		if (args.length > 0 && AuditExportVerifier.COMMAND.equals(args[0])) {
			System.exit(AuditExportVerifier.run(args, System.out, System.err));
		}
		SpringApplication application = new SpringApplication(DualGateApplication.class);
		// -Ddualgate.startup-steps=true records where start-up time goes, for the
		// actuator's startup endpoint (bench/startup.sh reads it)
		if (Boolean.getBoolean("dualgate.startup-steps")) {
			application.setApplicationStartup(new BufferingApplicationStartup(20_000));
		}
		application.run(args);
	}

}
