package io.dualgate.config;

import java.nio.file.Files;
import java.nio.file.Path;

import io.dualgate.DualGateApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded default: a real PostgreSQL whose data survives a restart, demo data only
 * on an empty database, and one clear sentence when the data directory is unusable.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class EmbeddedDatabaseTests {

	@TempDir
	Path temp;

	@Test
	void dataSurvivesARestartAndDemoDataIsLoadedOnlyOnce() {
		String dataDir = this.temp.resolve("db").toString();
		try (ConfigurableApplicationContext first = start("--dualgate.embedded-db.data-dir=" + dataDir)) {
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			assertThat(count(jdbc, "prototype")).isGreaterThanOrEqualTo(3);
			jdbc.sql("insert into prototype (key, name, problem_statement, vertical, exploration_pm_id,"
					+ " delivery_pm_id, stage) select 'SURVIVOR', 'Survivor', 'p', 'v', e.id, d.id, 'PROTOTYPE'"
					+ " from app_user e, app_user d where e.username = 'explorer' and d.username = 'deliverer'")
				.update();
		}
		assertThat(Path.of(dataDir, "PG_VERSION")).exists();
		try (ConfigurableApplicationContext second = start("--dualgate.embedded-db.data-dir=" + dataDir)) {
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select count(*) from prototype where key = 'SURVIVOR'").query(Long.class).single())
				.isOne();
			assertThat(jdbc.sql("select count(*) from app_user where username = 'explorer'").query(Long.class).single())
				.as("demo people are not created twice")
				.isOne();
		}
	}

	@Test
	void outsideDemoModeTheOnlyAccountIsTheConfiguredFirstAdmin() {
		try (ConfigurableApplicationContext context = start("--dualgate.embedded-db.data-dir=", "--dualgate.demo=false",
				"--dualgate.admin.username=root-admin", "--dualgate.admin.password=first-admin-secret")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select username from app_user").query(String.class).list())
				.containsExactly("root-admin");
			assertThat(count(jdbc, "prototype")).isZero();
		}
	}

	@Test
	void anUnusableDataDirectoryIsExplainedInOneSentence() throws Exception {
		Path file = Files.writeString(this.temp.resolve("not-a-directory"), "x");
		assertThatThrownBy(() -> start("--dualgate.embedded-db.data-dir=" + file.resolve("db")))
			.hasRootCauseInstanceOf(java.nio.file.FileSystemException.class)
			.satisfies((ex) -> {
				Throwable cause = ex;
				while (!(cause instanceof EmbeddedDatabaseException) && cause.getCause() != null) {
					cause = cause.getCause();
				}
				assertThat(cause).isInstanceOf(EmbeddedDatabaseException.class);
				FailureAnalysis analysis = new EmbeddedDatabaseFailureAnalyzer().analyze(ex);
				assertThat(analysis.getDescription())
					.startsWith("The embedded PostgreSQL could not start in data directory")
					.contains("not-a-directory");
				assertThat(analysis.getAction()).contains("--dualgate.embedded-db.data-dir");
			});
	}

	@Test
	void aBusyPortIsExplainedInOneSentence(org.springframework.boot.test.system.CapturedOutput output)
			throws Exception {
		try (java.net.ServerSocket busy = new java.net.ServerSocket(0)) {
			String port = String.valueOf(busy.getLocalPort());
			assertThatThrownBy(() -> new SpringApplicationBuilder(DualGateApplication.class)
				.run("--server.port=" + port, "--dualgate.embedded-db.data-dir="))
				.satisfies((ex) -> assertThat(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(ex))
					.isInstanceOf(java.net.BindException.class));
			assertThat(output).contains("Port " + port + " was already in use")
				.doesNotContain("at org.apache.catalina");
		}
	}

	private static ConfigurableApplicationContext start(String... args) {
		String[] withPort = java.util.Arrays.copyOf(args, args.length + 1);
		withPort[args.length] = "--server.port=0";
		return new SpringApplicationBuilder(DualGateApplication.class).run(withPort);
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
