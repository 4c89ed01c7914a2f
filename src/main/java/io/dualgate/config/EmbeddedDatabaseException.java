package io.dualgate.config;

import java.nio.file.Path;

/**
 * The embedded PostgreSQL could not start in the configured data directory.
 */
class EmbeddedDatabaseException extends RuntimeException {

	private final Path dataDir;

	EmbeddedDatabaseException(Path dataDir, String reason, Throwable cause) {
		super(reason, cause);
		this.dataDir = dataDir;
	}

	Path dataDir() {
		return this.dataDir;
	}

}
