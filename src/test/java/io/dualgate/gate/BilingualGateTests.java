package io.dualgate.gate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.dualgate.IntegrationTest;
import io.dualgate.gate.checklist.Answer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Checklist items in two languages: a reader of Chinese reads the items, the signature's
 * meaning and where each answer came from in Chinese; what was signed (the hash) is the
 * same in both languages; and signatures given before items had two languages still
 * verify, because each is checked with the canonical form it was computed with.
 */
@IntegrationTest
@Import(GateFixtures.class)
class BilingualGateTests {

	private static final AtomicInteger databases = new AtomicInteger();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	GateFixtures fixtures;

	@Autowired
	Gates gates;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataSource dataSource;

	@Test
	void aSignedGateReadsInChineseAndWhatWasSignedIsTheSameInBothLanguages() {
		long id = this.fixtures.open(this.fixtures.prototype(), "explorer").id();
		this.fixtures.answerPassing(id, Track.TECHNICAL, "explorer");
		GateView signed = this.fixtures.sign(id, Track.TECHNICAL, "explorer", Meaning.APPROVE, null);
		String hash = signed.technical().validSignature().contentHash();
		assertThat(signed.technical().validSignature().hashVersion()).isEqualTo(2);

		String chinese = page("/gates/" + id, Locale.SIMPLIFIED_CHINESE);
		assertThat(chinese).contains("近 30 天核心路径可用性", "每个模块的降级方案已完成", "技术鲁棒性确认书")
			.contains("批准：技术鲁棒性", "(表单)")
			.contains("欧盟人工智能法案 Art. 15", "ISO/IEC 42001 A.6.2.4")
			.contains(hash, "（重新计算：一致）")
			.doesNotContain("Core-path availability over the last 30 days", "Approved: technical robustness", "(FORM)");
		String english = page("/gates/" + id, Locale.ENGLISH);
		assertThat(english).contains("Core-path availability over the last 30 days", "Approved: technical robustness",
				"(form)", hash, "(recomputed: matches)");
		assertThat(page("/gates/" + id + "/record", Locale.SIMPLIFIED_CHINESE)).contains("近 30 天核心路径可用性", "批准：技术鲁棒性",
				hash);

		// The hash covers both texts: it is the hash the signer saw, whoever reads it.
		GateView now = this.gates.get(id);
		assertThat(now.technical().contentHash()).isEqualTo(hash);
		assertThat(now.technical().validSignature().hashMatches()).isTrue();
		ItemView availability = item(now, "availability_pct");
		assertThat(availability.label(Locale.SIMPLIFIED_CHINESE)).isEqualTo("近 30 天核心路径可用性");
		assertThat(availability.label(Locale.ENGLISH)).isEqualTo("Core-path availability over the last 30 days");
		assertThat(availability.help(Locale.SIMPLIFIED_CHINESE)).startsWith("主要用户路径");
	}

	@Test
	void anItemWithoutChineseFallsBackToEnglishWithAVisibleMarker() {
		long id = this.fixtures.open(this.fixtures.prototype(), "explorer").id();
		// An organisation's own item, written in English only.
		this.jdbc.sql("update gate_item set label_zh = null, help_zh = null where gate_id = ? and code = 'white_paper'")
			.param(id)
			.update();
		String chinese = page("/gates/" + id, Locale.SIMPLIFIED_CHINESE);
		assertThat(chinese).contains("Technical readiness white paper", "仅有英文", "近 30 天核心路径可用性");
	}

	@Test
	void aSignatureGivenBeforeItemsHadTwoLanguagesStillVerifies() {
		long id = this.fixtures.open(this.fixtures.prototype(), "explorer").id();
		this.fixtures.answerPassing(id, Track.TECHNICAL, "explorer");
		// Written as the application wrote signatures before V120: no hash version (the
		// column's default, 1, is what the migration gives existing rows), the hash in
		// the first canonical form.
		String[] hashes = this.transactions.execute((status) -> {
			Gate gate = this.gates.load(id);
			return new String[] { gate.contentHash(Track.TECHNICAL, 1), gate.contentHash(Track.TECHNICAL) };
		});
		assertThat(hashes[0]).isNotEqualTo(hashes[1]);
		GateView gate = this.gates.get(id);
		this.jdbc
			.sql("""
					insert into gate_signature (gate_id, track, signer_id, signer_name, signed_at, meaning, meaning_text,
					    template_id, template_version, content_hash)
					values (?, 'TECHNICAL', ?, 'Old Signer', now(), 'APPROVE', 'Approved: technical robustness', ?, ?, ?)""")
			.params(id, this.fixtures.userId("explorer"), gate.technical().templateId(),
					gate.technical().templateVersion(), hashes[0])
			.update();

		SignatureView old = this.gates.get(id).technical().validSignature();
		assertThat(old.hashVersion()).isEqualTo(1);
		assertThat(old.contentHash()).isEqualTo(hashes[0]);
		assertThat(old.hashMatches()).as("an old-style signature verifies with its own canonical form").isTrue();
		assertThat(page("/gates/" + id, Locale.ENGLISH)).contains(hashes[0], "(recomputed: matches)");

		// It is still bound to the answers: a change invalidates it as before.
		this.gates.answer(id, Track.TECHNICAL, "fallback_plan", Answer.yes(false), null,
				this.fixtures.userId("explorer"), "FORM");
		assertThat(this.gates.get(id).technical().signed()).isFalse();
	}

	@Test
	void theMigrationKeepsExistingSignaturesAtTheirOwnCanonicalForm() throws Exception {
		String name = "dg_before_v120_" + databases.incrementAndGet() + "_" + ProcessHandle.current().pid();
		HikariDataSource pool = (HikariDataSource) this.dataSource;
		this.jdbc.sql("create database " + name).update();
		String url = pool.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
		try (Connection connection = DriverManager.getConnection(url, pool.getUsername(), pool.getPassword())) {
			SingleConnectionDataSource single = new SingleConnectionDataSource(connection, true);
			// A database as the previous release left it, with a signed gate.
			Flyway.configure().dataSource(single).locations("classpath:db/migration").target("86").load().migrate();
			JdbcClient old = JdbcClient.create(single);
			long user = old.sql("""
					insert into app_user (username, full_name, email, password_hash, reporting_line)
					values ('old', 'Old Signer', 'old@test.example', 'x', 'CPO') returning id""")
				.query(Long.class)
				.single();
			long prototype = old
				.sql("""
						insert into prototype (key, name, problem_statement, vertical, exploration_pm_id, delivery_pm_id, stage)
						values ('OLD-1', 'Old', 'p', 'v', ?, ?, 'PROTOTYPE') returning id""")
				.params(user, user)
				.query(Long.class)
				.single();
			long template = old
				.sql("select id from checklist_template where from_stage = 'PROTOTYPE' and track = 'TECHNICAL'")
				.query(Long.class)
				.single();
			long gate = old.sql("""
					insert into gate (prototype_id, from_stage, to_stage, status, technical_template_id,
					    technical_template_version, commercial_template_id, commercial_template_version, opened_at,
					    sla_hours, last_changed_at)
					values (?, 'PROTOTYPE', 'POC', 'OPEN', ?, 1, ?, 1, now(), 48, now()) returning id""")
				.params(prototype, template, template)
				.query(Long.class)
				.single();
			String hash = "a".repeat(64);
			old.sql("""
					insert into gate_signature (gate_id, track, signer_id, signer_name, signed_at, meaning, meaning_text,
					    template_id, template_version, content_hash)
					values (?, 'TECHNICAL', ?, 'Old Signer', now(), 'APPROVE', 'Approved: technical robustness', ?, 1, ?)""")
				.params(gate, user, template, hash)
				.update();

			Flyway.configure().dataSource(single).locations("classpath:db/migration").load().migrate();

			assertThat(old.sql("select hash_version from gate_signature where gate_id = ?")
				.param(gate)
				.query(Integer.class)
				.single()).isEqualTo(1);
			assertThat(old.sql("select content_hash from gate_signature where gate_id = ?")
				.param(gate)
				.query(String.class)
				.single()).isEqualTo(hash);
			// The stock checklists got a Chinese version; version 1 is untouched.
			assertThat(old.sql("""
					select label_zh from checklist_template_item i join checklist_template t on t.id = i.template_id
					where t.from_stage = 'PROTOTYPE' and t.track = 'TECHNICAL' and t.version = 2
					  and i.code = 'availability_pct'""").query(String.class).single()).isEqualTo("近 30 天核心路径可用性");
			assertThat(old
				.sql("select count(*) from checklist_template_item where template_id = ? and label_zh is not null")
				.param(template)
				.query(Long.class)
				.single()).isZero();
			// Nobody can move a signature to another canonical form afterwards.
			assertThatThrownBy(
					() -> old.sql("update gate_signature set hash_version = 2 where gate_id = ?").param(gate).update())
				.hasMessageContaining("cannot be edited");
		}
		finally {
			this.jdbc.sql("drop database if exists " + name + " with (force)").update();
		}
	}

	private String page(String path, Locale locale) {
		try {
			return this.mvc.get()
				.uri(path)
				.locale(locale)
				.with(user(this.fixtures.login("explorer")))
				.exchange()
				.getResponse()
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ItemView item(GateView gate, String code) {
		return gate.technical().items().stream().filter((i) -> i.code().equals(code)).findFirst().orElseThrow();
	}

}
