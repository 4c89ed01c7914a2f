package io.dualgate.audit;

import javax.sql.DataSource;

import io.dualgate.RepositoryTest;
import io.dualgate.Rows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail's table on PostgreSQL (TRUST 10): rows are appended, never updated,
 * deleted or truncated, whoever asks.
 */
@RepositoryTest
class AuditEventTableTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	Rows rows;

	long seq;

	@BeforeEach
	void oneRow() {
		this.rows = new Rows(this.jdbc, this.dataSource);
		this.seq = this.jdbc.sql("select coalesce(max(seq), 0) + 1 from audit_event").query(Long.class).single();
		this.rows.update("""
				insert into audit_event (seq, occurred_at, actor, action, entity_type, entity_id, new_value, prev_hash,
				    hash, hash_version)
				values (?, now(), 'tester', 'TEST_EVENT', 'test', 'a', '"v"', ?, ?, 2)""", this.seq, Rows.HASH,
				String.format("%064x", this.seq));
	}

	@Test
	void aRowIsNeverUpdated() {
		this.rows.refuses("update audit_event set actor = 'mallory' where seq = ?", this.seq)
			.hasMessageContaining("append-only");
		assertThat(this.jdbc.sql("select actor from audit_event where seq = ?")
			.param(this.seq)
			.query(String.class)
			.single()).isEqualTo("tester");
	}

	@Test
	void aRowIsNeverDeleted() {
		this.rows.refuses("delete from audit_event where seq = ?", this.seq).hasMessageContaining("append-only");
		assertThat(this.jdbc.sql("select count(*) from audit_event where seq = ?")
			.param(this.seq)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void theTableIsNeverTruncated() {
		this.rows.refuses("truncate audit_event").hasMessageContaining("append-only");
	}

}
