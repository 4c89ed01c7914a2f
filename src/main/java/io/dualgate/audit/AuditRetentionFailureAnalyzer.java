package io.dualgate.audit;

import io.dualgate.audit.AuditProperties.RetentionTooShortException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * A retention below six months stops the start with one sentence, not a binding stack
 * trace. Ordered first: Spring Boot's own analyzer for binding failures would otherwise
 * answer.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditRetentionFailureAnalyzer extends AbstractFailureAnalyzer<RetentionTooShortException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RetentionTooShortException cause) {
		return new FailureAnalysis(
				"dualgate.audit.retention is " + cause.retention()
						+ ", but audit events must be kept for at least 6 months (EU AI Act, Article 19).",
				"Set dualgate.audit.retention to 6m or longer, or remove it to keep the default of 10 years.", cause);
	}

}
