package io.dualgate.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a failed embedded database start into one clear sentence instead of a stack
 * trace.
 */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseException cause) {
		return new FailureAnalysis(
				"The embedded PostgreSQL could not start in data directory " + cause.dataDir().toAbsolutePath() + ": "
						+ cause.getMessage(),
				"Choose a writable, unused directory with --dualgate.embedded-db.data-dir=<path>,"
						+ " stop the other DualGate that uses it, or point spring.datasource.url at an external PostgreSQL.",
				cause);
	}

}
