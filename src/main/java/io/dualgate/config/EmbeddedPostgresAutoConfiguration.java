package io.dualgate.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.util.StringUtils;

/**
 * Starts a real, embedded PostgreSQL when no database is configured, so that DualGate
 * runs with one command on a machine that has neither PostgreSQL nor Docker. The data
 * directory persists between runs. Backs off when {@code spring.datasource.url} is set or
 * when something else (a Testcontainers service connection) already provides the
 * connection.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@Conditional(NoDatasourceUrlCondition.class)
@ConditionalOnBooleanProperty(name = "dualgate.embedded-db.enabled", matchIfMissing = true)
@ConditionalOnMissingBean(JdbcConnectionDetails.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedPostgresAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) {
		Path dataDir = dataDirectory(properties);
		boolean existing = Files.isRegularFile(dataDir.resolve("PG_VERSION"));
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(!StringUtils.hasText(properties.dataDir()))
				.setPort(properties.port())
				.setServerConfig("max_connections", "200")
				// Stopped by this context, after every bean that uses it. A JVM hook
				// of its own would stop it while the context is still closing: the
				// closing beans (event registry, scheduled jobs) would then wait for
				// a connection until the pool's 30 s timeout.
				.setRegisterShutdownHook(false)
				.start();
			logger.info("Embedded PostgreSQL on port {} with {} data directory {}", postgres.getPort(),
					existing ? "existing" : "new", dataDir.toAbsolutePath());
			return postgres;
		}
		catch (IOException | RuntimeException ex) {
			throw new EmbeddedDatabaseException(dataDir, rootMessage(ex), ex);
		}
	}

	@Bean
	JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgres postgres) {
		String url = postgres.getJdbcUrl("postgres", "postgres");
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return "postgres";
			}

			@Override
			public String getPassword() {
				return "";
			}

			@Override
			public String getJdbcUrl() {
				return url;
			}

		};
	}

	private static Path dataDirectory(EmbeddedDatabaseProperties properties) {
		try {
			if (!StringUtils.hasText(properties.dataDir())) {
				return Files.createTempDirectory("dualgate-db-");
			}
			Path dir = Path.of(properties.dataDir());
			Files.createDirectories(dir);
			if (!Files.isWritable(dir)) {
				throw new EmbeddedDatabaseException(dir, "the directory is not writable", null);
			}
			return dir;
		}
		catch (IOException ex) {
			throw new EmbeddedDatabaseException(Path.of(properties.dataDir()),
					"the directory cannot be created (" + ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")",
					ex);
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}

}
