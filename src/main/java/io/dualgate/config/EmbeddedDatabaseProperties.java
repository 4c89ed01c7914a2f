package io.dualgate.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL that runs when no {@code spring.datasource.url} is
 * set.
 *
 * @param enabled whether the embedded database may start at all
 * @param dataDir where its data lives; blank means a throw-away directory (tests)
 * @param port fixed port, or 0 for any free one
 */
@ConfigurationProperties("dualgate.embedded-db")
record EmbeddedDatabaseProperties(Boolean enabled, String dataDir, Integer port) {

	EmbeddedDatabaseProperties {
		enabled = (enabled != null) ? enabled : Boolean.TRUE;
		dataDir = (dataDir != null) ? dataDir : ".dualgate/db";
		port = (port != null) ? port : 0;
	}

}
