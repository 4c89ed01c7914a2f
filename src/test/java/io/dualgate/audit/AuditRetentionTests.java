package io.dualgate.audit;

import java.time.Period;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dualgate.audit.retention}: ten years unless set, never below six months (the EU
 * AI Act's minimum for automatically generated logs), refused at start in one sentence.
 */
class AuditRetentionTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(RetentionConfiguration.class);

	@Test
	void keepsTenYearsUnlessToldOtherwise() {
		this.runner.run((context) -> assertThat(context.getBean(AuditProperties.class).retention())
			.isEqualTo(Period.ofYears(10)));
	}

	@Test
	void acceptsSixMonthsAndLongerInEitherNotation() {
		this.runner.withPropertyValues("dualgate.audit.retention=6m")
			.run((context) -> assertThat(context.getBean(AuditProperties.class).retention())
				.isEqualTo(Period.ofMonths(6)));
		this.runner.withPropertyValues("dualgate.audit.retention=P1Y6M")
			.run((context) -> assertThat(context.getBean(AuditProperties.class).retention())
				.isEqualTo(Period.of(1, 6, 0)));
	}

	@Test
	void refusesLessThanSixMonthsWithOneSentence() {
		this.runner.withPropertyValues("dualgate.audit.retention=5m").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new AuditRetentionFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).isEqualTo(
					"dualgate.audit.retention is P5M, but audit events must be kept for at least 6 months (EU AI Act, Article 19).");
			assertThat(analysis.getAction()).contains("6m or longer");
		});
		this.runner.withPropertyValues("dualgate.audit.retention=150d")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AuditProperties.class)
	static class RetentionConfiguration {

	}

}
