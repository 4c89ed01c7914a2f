package io.dualgate.ops;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import io.dualgate.DualGateApplication;
import io.dualgate.security.WebClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two DualGate nodes on loopback sharing one PostgreSQL, as behind a load balancer: a
 * session started on one node is valid on the other (Spring Session JDBC), a form
 * rendered by one is accepted by the other (the CSRF token lives in the shared session),
 * and a ShedLock-guarded job runs once per slot, not once per node.
 */
class TwoNodesTests {

	static EmbeddedPostgres postgres;

	static ConfigurableApplicationContext nodeA;

	static ConfigurableApplicationContext nodeB;

	@BeforeAll
	static void startTwoNodes() throws Exception {
		postgres = EmbeddedPostgres.builder().start();
		String url = postgres.getJdbcUrl("postgres", "postgres");
		// One after the other: the first node migrates the schema and loads the demo
		// data.
		nodeA = start("node-a", url);
		nodeB = start("node-b", url);
	}

	@AfterAll
	static void stopEverything() throws Exception {
		if (nodeB != null) {
			nodeB.close();
		}
		if (nodeA != null) {
			nodeA.close();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	private static ConfigurableApplicationContext start(String name, String url) {
		return new SpringApplicationBuilder(DualGateApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--spring.datasource.password=postgres", "--dualgate.demo=true", "--dualgate.node.name=" + name,
				"--dualgate.ops.housekeeping.cron=*/2 * * * * *", "--dualgate.ops.housekeeping.lock-at-least-for=PT1S",
				"--dualgate.ops.housekeeping.lock-at-most-for=PT1M", "--spring.main.banner-mode=off",
				// A few seconds of SLA and a reminder check twice a second on both nodes.
				"--dualgate.gate.sla-hours=PT4S", "--dualgate.notifications.sla-check-interval=PT0.5S",
				// Both nodes send e-mail through the same real SMTP server.
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + io.dualgate.TestSmtp.port());
	}

	private static String base(ConfigurableApplicationContext node) {
		return "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port");
	}

	@Test
	void aSessionStartedOnOneNodeWorksOnTheOther() throws Exception {
		WebClient onA = new WebClient(base(nodeA));
		HttpResponse<String> login = onA.logIn("explorer", "dualgate-demo");
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		String session = onA.cookies()
			.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("SESSION"))
			.findFirst()
			.orElseThrow()
			.getValue();
		HttpResponse<String> formOnA = onA.get("/prototypes/new");
		assertThat(formOnA.statusCode()).isEqualTo(200);
		String csrfFromA = onA.csrfToken();

		// Node B has never seen this browser: only the cookie travels.
		WebClient onB = new WebClient(base(nodeB));
		HttpResponse<String> listOnB = onB.get("/prototypes", "Cookie", "SESSION=" + session);
		assertThat(listOnB.statusCode()).isEqualTo(200);
		assertThat(listOnB.body()).contains("Contract Risk Review", "Lin Wei");

		// A form rendered by node A is accepted by node B, and its result is visible on
		// node A.
		HttpResponse<String> created = onB.postForm("/prototypes/new",
				Map.of("_csrf", csrfFromA, "key", "TWO-NODES", "name", "Two Nodes Copilot", "problemStatement",
						"Registered through node B with a session from node A.", "vertical", "Operations",
						"explorationPmId", id("explorer"), "deliveryPmId", id("deliverer")),
				"Cookie", "SESSION=" + session);
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/prototypes/TWO-NODES");
		assertThat(onA.get("/prototypes/TWO-NODES").body()).contains("Two Nodes Copilot");
	}

	@Test
	void aLockedJobRunsOncePerSlotNotOncePerNode() throws Exception {
		JdbcTemplate jdbc = new JdbcTemplate(nodeA.getBean(DataSource.class));
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> assertThat(runs(jdbc)).as("housekeeping runs within 20 s at a 2 s cron")
				.isGreaterThanOrEqualTo(4));
		// Both nodes fire at the same even second; per 2-second slot exactly one of them
		// ran.
		List<Map<String, Object>> doubled = jdbc
			.queryForList("SELECT floor(extract(epoch FROM started_at) / 2) AS slot,"
					+ " count(*) AS runs, string_agg(node, ',') AS nodes FROM job_run WHERE job_name = 'housekeeping'"
					+ " GROUP BY 1 HAVING count(*) > 1");
		assertThat(doubled).as("slots in which more than one node ran the job").isEmpty();
		List<String> nodes = jdbc.queryForList("SELECT DISTINCT node FROM job_run", String.class);
		assertThat(Set.of("node-a", "node-b")).containsAll(nodes);
	}

	/**
	 * Done when: with the SLA set to a few seconds, each signer gets exactly one
	 * reminder, one overdue notice and the manager one escalation, also with two nodes
	 * running.
	 */
	@Test
	void eachSignerIsRemindedOnceAndTheManagerEscalatedOnceWithTwoNodes() throws Exception {
		JdbcTemplate jdbc = new JdbcTemplate(nodeA.getBean(DataSource.class));
		long manager = Long.parseLong(id("executive"));
		long explorer = newPerson(jdbc, "slaexp", "EXPLORATION_PM", manager);
		long deliverer = newPerson(jdbc, "sladel", "DELIVERY_PM", manager);
		jdbc.update(
				"insert into prototype (key, name, problem_statement, vertical, exploration_pm_id, delivery_pm_id,"
						+ " stage) values ('SLA-TWO', 'SLA on two nodes', 'x', 'Testing', ?, ?, 'PROTOTYPE')",
				explorer, deliverer);
		long gateId = nodeB.getBean(io.dualgate.gate.Gates.class).open("SLA-TWO", explorer).id();

		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> sent(jdbc, gateId, "SLA_ESCALATION", manager) >= 2);
		// Both nodes keep checking twice a second: nothing more arrives.
		org.awaitility.Awaitility.await()
			.during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.queryForObject(
					"select count(*) from notification where gate_id = ? and type like 'SLA_%'", Long.class,
					gateId) == 6);
		for (long signer : List.of(explorer, deliverer)) {
			assertThat(sent(jdbc, gateId, "SLA_REMINDER", signer)).as("reminders to %s", signer).isOne();
			assertThat(sent(jdbc, gateId, "SLA_OVERDUE", signer)).as("overdue notices to %s", signer).isOne();
		}
		// both tracks wait for people whose manager is the executive: one escalation per
		// track, to the same manager
		assertThat(sent(jdbc, gateId, "SLA_ESCALATION", manager)).isEqualTo(2);
		assertThat(jdbc.queryForObject("select count(*) from notification where gate_id = ? and type like 'SLA_%'",
				Long.class, gateId))
			.isEqualTo(6);
		// and each of them (plus "gate opened") reached its signer as exactly one e-mail,
		// although both nodes send and resubmit
		String explorerAddress = jdbc.queryForObject("select email from app_user where id = ?", String.class, explorer);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(explorerAddress) == 3);
		org.awaitility.Awaitility.await()
			.during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.until(() -> mailsTo(explorerAddress) == 3);
	}

	private static long mailsTo(String address) {
		return java.util.Arrays.stream(io.dualgate.TestSmtp.server().getReceivedMessages()).filter((message) -> {
			try {
				return java.util.Arrays.stream(message.getAllRecipients())
					.anyMatch((a) -> a.toString().contains(address));
			}
			catch (jakarta.mail.MessagingException ex) {
				return false;
			}
		}).count();
	}

	private static long newPerson(JdbcTemplate jdbc, String prefix, String role, long managerId) {
		String username = prefix + System.nanoTime() % 100000;
		Long id = jdbc.queryForObject(
				"insert into app_user (username, full_name, email, password_hash, reporting_line,"
						+ " manager_id) values (?, ?, ?, 'x', 'CPO', ?) returning id",
				Long.class, username, "Test " + username, username + "@test.example", managerId);
		jdbc.update("insert into user_role (user_id, role) values (?, ?)", id, role);
		return id;
	}

	private static long sent(JdbcTemplate jdbc, long gateId, String type, long recipient) {
		Long count = jdbc.queryForObject(
				"select count(*) from notification where gate_id = ? and type = ? and recipient_id = ?", Long.class,
				gateId, type, recipient);
		return (count != null) ? count : 0;
	}

	private static long runs(JdbcTemplate jdbc) {
		Long count = jdbc.queryForObject("SELECT count(*) FROM job_run WHERE job_name = 'housekeeping'", Long.class);
		return (count != null) ? count : 0;
	}

	private static String id(String username) {
		JdbcTemplate jdbc = new JdbcTemplate(nodeA.getBean(DataSource.class));
		return String.valueOf(jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, username));
	}

}
