package io.dualgate;

import org.springframework.boot.SpringApplication;

/**
 * Runs DualGate against a throw-away PostgreSQL: {@code ./mvnw spring-boot:test-run}.
 */
public class TestDualGateApplication {

	public static void main(String[] args) {
		SpringApplication.from(DualGateApplication::main).with(TestcontainersConfiguration.class).run(args);
	}

}
