package io.dualgate.audit;

import io.dualgate.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	@Test
	void theChainOfTheDemoDataIsIntact() {
		AuditVerification verification = this.trail.verify();
		assertThat(verification.intact()).isTrue();
		assertThat(verification.events()).isPositive();
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
		AuditEvent last = this.trail.latest(1).get(0);
		AuditEvent previous = this.jdbc.sql("select seq from audit_event where seq = ?")
			.param(last.seq() - 1)
			.query(Long.class)
			.optional()
			.map((seq) -> this.trail.latest(2).get(1))
			.orElseThrow();
		assertThat(last.prevHash()).isEqualTo(previous.hash());
		assertThat(last.hash()).isEqualTo(AuditChain.hash(last.prevHash(), last));
	}

}
