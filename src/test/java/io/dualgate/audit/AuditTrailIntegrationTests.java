package io.dualgate.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.dualgate.IntegrationTest;
import io.dualgate.people.ApiTokens;
import io.dualgate.people.People;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail in the running application (TRUST 9, 10): the demo data's chain
 * verifies, a forged row is found and named, writing needs a transaction, and each row
 * carries its predecessor's hash. That the table refuses changes is
 * {@link AuditEventTableTests}'.
 */
@IntegrationTest
class AuditTrailIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditLog log;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	People people;

	@TempDir
	Path dir;

	@Test
	void theDatabaseRefusesUpdateDeleteAndTruncate() {
		assertThatThrownBy(() -> this.jdbc.sql("update audit_event set actor = 'mallory' where seq = 1").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("delete from audit_event where seq = 1").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("truncate audit_event").update()).hasMessageContaining("append-only");
	}

	@Test
	void theChainOfTheDemoDataIsIntact() {
		AuditVerification verification = this.trail.verify();
		assertThat(verification.intact()).isTrue();
		assertThat(verification.events()).isPositive();
		assertThat(verification.headHash()).isEqualTo(this.trail.latest(1).get(0).hash());
	}

	@Test
	void tamperingWithARowIsFoundAndNamed() {
		this.transactions.executeWithoutResult((status) -> {
			// A superuser could switch the trigger off; the hash chain still gives them
			// away.
			this.jdbc.sql("alter table audit_event disable trigger audit_event_no_update_delete").update();
			this.jdbc.sql("update audit_event set new_value = 'forged' where seq = 2").update();
			AuditVerification verification = this.trail.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstBrokenSeq()).isEqualTo(2L);
			status.setRollbackOnly();
		});
		assertThat(this.trail.verify().intact()).isTrue();
	}

	@Test
	void writingOutsideATransactionIsRefused() {
		assertThatThrownBy(() -> this.log.record("X", "test", 1, null, null, null))
			.isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
	}

	@Test
	void eachRowLinksToItsPredecessor() {
		this.transactions.executeWithoutResult(
				(status) -> this.log.recordAs("tester", "TEST_EVENT", "test", "a", null, "v", "because"));
		List<AuditEvent> lastTwo = this.trail.latest(2);
		AuditEvent last = lastTwo.get(0);
		assertThat(lastTwo.get(1).seq()).isEqualTo(last.seq() - 1);
		assertThat(last.prevHash()).isEqualTo(lastTwo.get(1).hash());
		assertThat(last.hash()).isEqualTo(AuditChain.hash(last.prevHash(), last));
	}

	@Test
	void newRowsHashCanonicalJsonAndStoreTheirValuesAsCanonicalJson() {
		String subject = "canon-" + UUID.randomUUID();
		this.transactions.executeWithoutResult((status) -> this.log.recordAs("tester", "TEST_EVENT", "test", subject,
				AuditLog.values("stage", "POC", "valid", true), "free text", "why"));
		AuditEvent event = this.trail.forEntity("test", subject).get(0);
		assertThat(event.hashVersion()).isEqualTo(2);
		assertThat(event.oldValue()).isEqualTo("{\"stage\":\"POC\",\"valid\":true}");
		assertThat(event.newValue()).isEqualTo("\"free text\"");
		assertThat(event.describeOld()).isEqualTo("stage: POC, valid: true");
		assertThat(event.describeNew()).isEqualTo("free text");
		assertThat(event.canonicalPayload()).startsWith("{\"action\":\"TEST_EVENT\",\"actor\":\"tester\"")
			.contains("\"oldValue\":{\"stage\":\"POC\",\"valid\":true}");
		assertThat(event.hash()).isEqualTo(io.dualgate.shared.Sha256.hex(event.prevHash() + event.canonicalPayload()));
	}

	@Test
	void rowsHashedTheOldWayStillVerifyAndNewRowsChainOntoThem() {
		this.transactions.executeWithoutResult((status) -> {
			// A row as the application wrote it before V140: Map.toString() values,
			// length-prefixed hash, version 1.
			AuditEvent head = this.trail.latest(1).get(0);
			AuditEvent legacy = new AuditEvent(head.seq() + 1, Instant.now().truncatedTo(ChronoUnit.MICROS), "admin",
					"USER_UPDATED", "user", "1", "{active=true}", "{active=false}", null, head.hash(), null, 1);
			String legacyHash = AuditChain.hash(legacy.prevHash(), legacy);
			this.jdbc.sql("""
					insert into audit_event (seq, occurred_at, actor, action, entity_type, entity_id, old_value,
					                         new_value, reason, prev_hash, hash, hash_version)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""")
				.params(legacy.seq(), java.sql.Timestamp.from(legacy.occurredAt()), legacy.actor(), legacy.action(),
						legacy.entityType(), legacy.entityId(), legacy.oldValue(), legacy.newValue(), null,
						legacy.prevHash(), legacyHash)
				.update();
			this.log.recordAs("tester", "TEST_EVENT", "test", "after-legacy", null, AuditLog.values("n", 1), null);
			assertThat(this.trail.verify().intact()).isTrue();
			assertThat(this.trail.latest(1).get(0).prevHash()).isEqualTo(legacyHash);

			this.jdbc.sql("alter table audit_event disable trigger audit_event_no_update_delete").update();
			this.jdbc.sql("update audit_event set new_value = '{active=true}' where seq = ?")
				.param(legacy.seq())
				.update();
			assertThat(this.trail.verify().firstBrokenSeq()).isEqualTo(legacy.seq());
			status.setRollbackOnly();
		});
	}

	@Test
	@WithUserDetails("admin")
	void adminPageVerifiesTheChain() {
		assertThat(this.mvc.get().uri("/admin/audit/verify")).hasStatusOk()
			.bodyText()
			.contains("The chain is intact")
			.contains(this.trail.latest(1).get(0).hash());
	}

	@Test
	@WithUserDetails("admin")
	void thePageFiltersBySubjectAndPagesFiftyAtATimeWithTheTotal() {
		String subject = "page-" + UUID.randomUUID();
		record(subject, 60, "pager");
		MvcTestResult first = this.mvc.get().uri("/admin/audit?entityType=test&entityId={id}", subject).exchange();
		assertThat(first).hasStatusOk()
			.bodyText()
			.contains("60 events match; 1 to 50 shown, newest first.")
			.contains("Page 1 of 2")
			.contains("n: 60")
			.doesNotContain("n: 10<");
		assertThat(this.mvc.get().uri("/admin/audit?entityType=test&entityId={id}&page=1", subject)).hasStatusOk()
			.bodyText()
			.contains("60 events match; 51 to 60 shown")
			.contains("n: 1<")
			.contains("Page 2 of 2");
	}

	@Test
	@WithUserDetails("admin")
	void eachRowOpensToItsCanonicalPayloadAndHashes() {
		String subject = "detail-" + UUID.randomUUID();
		record(subject, 1, "detailer");
		AuditEvent event = this.trail.forEntity("test", subject).get(0);
		assertThat(this.mvc.get().uri("/admin/audit?entityId={id}", subject)).hasStatusOk()
			.bodyText()
			.contains("<details")
			.contains("1 event matches")
			.contains(event.hash())
			.contains(event.prevHash())
			.contains("&quot;entityId&quot;:&quot;" + subject + "&quot;");
	}

	@Test
	@WithUserDetails("admin")
	void personAndEventTypeFilterIgnoringCaseAndTimeRangeApplies() {
		String person = "Filter" + UUID.randomUUID().toString().substring(0, 8);
		String subject = "who-" + UUID.randomUUID();
		record(subject, 3, person);
		assertThat(this.mvc.get().uri("/admin/audit?person={p}&action=TEST_EVENT", person.toLowerCase())).hasStatusOk()
			.bodyText()
			.contains("3 events match");
		assertThat(this.mvc.get().uri("/admin/audit?person={p}&from=2000-01-01&to=2000-12-31", person)).hasStatusOk()
			.bodyText()
			.contains("No events match these filters.");
	}

	@Test
	@WithUserDetails("admin")
	void aBadFilterIsNamedNextToItsFieldWithoutEchoingIt() {
		String garbage = "x".repeat(5000);
		assertThat(this.mvc.get().uri("/admin/audit?from={g}", garbage)).hasStatusOk()
			.bodyText()
			.contains("Give a day as 2026-01-31")
			.contains("id=\"from-error\"")
			// the field shows the value cut to its limit
			.contains("name=\"from\" type=\"date\" value=\"" + "x".repeat(40) + "\"");
		assertThat(this.mvc.get().uri("/admin/audit?from=2026-02-01&to=2026-01-01")).hasStatusOk()
			.bodyText()
			.contains("The end must come after the start.");
		assertThat(this.mvc.get().uri("/admin/audit?person={g}", garbage)).hasStatusOk()
			.bodyText()
			.contains("At most 64 characters.");
	}

	@Test
	@WithUserDetails("admin")
	void thePageSaysHowLongEventsAreKept() {
		assertThat(this.mvc.get().uri("/admin/audit")).hasStatusOk()
			.bodyText()
			.contains("Audit events are kept for at least 10 years")
			.contains("The oldest event was recorded");
	}

	@Test
	@WithUserDetails("admin")
	void anExportOfTheDemoTrailVerifiesOfflineAndOneChangedCharacterIsNamed() throws IOException {
		MvcTestResult result = this.mvc.get().uri("/admin/audit/export").exchange();
		assertThat(result).hasStatusOk().hasContentType("application/jsonl;charset=UTF-8");
		assertThat(result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
			.matches("attachment; filename=\"dualgate-audit-\\d{8}T\\d{6}Z\\.jsonl\"");
		Path export = this.dir.resolve("export.jsonl");
		Files.write(export, result.getResponse().getContentAsByteArray());
		List<String> lines = Files.readAllLines(export);
		assertThat(lines.get(lines.size() - 1))
			.startsWith("{\"manifest\":{\"contiguous\":true,\"count\":" + (lines.size() - 1));
		assertThat(run(export)).startsWith("0 Intact: " + (lines.size() - 1) + " events, seq 1 to ");

		int middle = lines.size() / 2;
		String line = lines.get(middle);
		int at = line.indexOf("\"actor\":\"") + 9;
		List<String> tampered = new ArrayList<>(lines);
		tampered.set(middle, line.substring(0, at) + ((line.charAt(at) == 'z') ? 'y' : 'z') + line.substring(at + 1));
		Files.write(export, tampered);
		assertThat(run(export)).startsWith("1 Line " + (middle + 1) + " does not match its hash");
	}

	@Test
	void theVerifierRunsFromTheApplicationsMainWithoutStartingIt() throws Exception {
		List<AuditEvent> events = AuditExportVerifierTests.chain(3, 1);
		Path export = this.dir.resolve("main.jsonl");
		Files.write(export, AuditExportVerifierTests.export(events, true));
		Process intact = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
				"io.dualgate.DualGateApplication", "verify-audit", export.toString())
			.redirectErrorStream(true)
			.start();
		String out = new String(intact.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(intact.waitFor()).as(out).isZero();
		assertThat(out).startsWith("Intact: 3 events").doesNotContain("Spring");

		List<String> lines = new ArrayList<>(Files.readAllLines(export));
		lines.set(1, lines.get(1).replace("explorer", "explorar"));
		Files.write(export, lines);
		Process broken = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
				"io.dualgate.DualGateApplication", "verify-audit", export.toString())
			.redirectErrorStream(true)
			.start();
		String brokenOut = new String(broken.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(broken.waitFor()).isEqualTo(1);
		assertThat(brokenOut).startsWith("Line 2 does not match its hash");
	}

	@Test
	void theExportApiTakesThePagesFiltersAndSaysWhenEventsAreNotContiguous() throws IOException {
		String subject = "api-" + UUID.randomUUID();
		record(subject, 2, "apier");
		this.transactions.executeWithoutResult(
				(status) -> this.log.recordAs("other", "TEST_EVENT", "test", "elsewhere", null, null, null));
		record(subject, 1, "apier");
		MvcTestResult result = this.mvc.get()
			.uri("/api/v1/audit/export?entityType=test&entityId={id}&from=2000-01-01", subject)
			.header(HttpHeaders.AUTHORIZATION, token("admin"))
			.exchange();
		assertThat(result).hasStatusOk();
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		String[] lines = body.split("\n");
		assertThat(lines).hasSize(4);
		assertThat(lines[3]).contains("\"contiguous\":false", "\"count\":3", "\"entityId\":\"" + subject + "\"");
		Path export = this.dir.resolve("filtered.jsonl");
		Files.writeString(export, body);
		assertThat(run(export)).startsWith("0 Intact: 3 events");
	}

	@Test
	void theExportApiNamesABadParameterAndRefusesOthersThanAdmins() {
		assertThat(this.mvc.get()
			.uri("/api/v1/audit/export?to=yesterday")
			.header(HttpHeaders.AUTHORIZATION, token("admin"))).hasStatus4xxClientError()
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("2026-01-31");
		assertThat(this.mvc.get().uri("/api/v1/audit/export").header(HttpHeaders.AUTHORIZATION, token("explorer")))
			.hasStatus(403);
	}

	@Test
	@WithUserDetails("explorer")
	void onlyAdminsSeeTheAuditPage() {
		assertThat(this.mvc.get().uri("/admin/audit")).hasStatus(403);
		assertThat(this.mvc.get().uri("/admin/audit/export")).hasStatus(403);
	}

	private void record(String subject, int count, String actor) {
		this.transactions.executeWithoutResult((status) -> {
			for (int n = 1; n <= count; n++) {
				this.log.recordAs(actor, "TEST_EVENT", "test", subject, null, AuditLog.values("n", n), null);
			}
		});
	}

	private String token(String username) {
		return "Bearer " + this.tokens.create(this.people.findByUsername(username).orElseThrow().id(),
				"audit test " + System.nanoTime());
	}

	private static String run(Path export) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int status = AuditExportVerifier.run(new String[] { "verify-audit", export.toString() },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
		return status + " " + out.toString(StandardCharsets.UTF_8);
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
