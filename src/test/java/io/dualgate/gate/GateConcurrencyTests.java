package io.dualgate.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.dualgate.IntegrationTest;
import io.dualgate.audit.AuditTrail;
import io.dualgate.people.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Real threads against the real database: double submits and racing approvals leave
 * exactly one valid signature per track and advance a stage at most once.
 */
@IntegrationTest
@Import(GateFixtures.class)
class GateConcurrencyTests {

	@Autowired
	GateFixtures fixtures;

	@Autowired
	Gates gates;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	io.dualgate.people.Delegations delegations;

	@Test
	void aDoubleSubmitBySameSignerCreatesOneSignature() throws Exception {
		for (int round = 0; round < 3; round++) {
			long id = this.fixtures.open(this.fixtures.prototype(), "explorer").id();
			GateView shown = this.fixtures.answerPassing(id, Track.TECHNICAL, "explorer");
			List<Outcome> outcomes = race(signer(id, Track.TECHNICAL, "explorer", shown),
					signer(id, Track.TECHNICAL, "explorer", shown));
			assertThat(outcomes.stream().filter(Outcome::succeeded)).hasSize(1);
			assertThat(this.fixtures.validSignatures(id, Track.TECHNICAL)).isOne();
			assertThat(signatureRows(id)).isOne();
		}
	}

	@Test
	void theDatabaseKeepsOneValidSignaturePerTrackWhateverJavaDoes() {
		String other = this.fixtures.person("tech", Role.EXPLORATION_PM);
		long id = this.fixtures.open(this.fixtures.prototype(), "explorer").id();
		this.fixtures.answerPassing(id, Track.TECHNICAL, "explorer");
		GateView signed = this.fixtures.sign(id, Track.TECHNICAL, "explorer", Meaning.APPROVE, null);
		assertThatThrownBy(() -> this.jdbc.sql("""
				insert into gate_signature (gate_id, track, signer_id, signer_name, signed_at, meaning, meaning_text,
				    template_id, template_version, content_hash)
				values (?, 'TECHNICAL', ?, 'x', now(), 'APPROVE', 'x', ?, 1, ?)""")
			.params(id, this.fixtures.userId(other), signed.technical().templateId(), signed.technical().contentHash())
			.update()).hasMessageContaining("gate_signature_one_valid");
		assertThat(this.fixtures.validSignatures(id, Track.TECHNICAL)).isOne();
	}

	@Test
	void twoApprovalsRacingAdvanceTheStageOnce() throws Exception {
		for (int round = 0; round < 3; round++) {
			String key = this.fixtures.prototype();
			long id = this.fixtures.open(key, "explorer").id();
			this.fixtures.answerPassing(id, Track.TECHNICAL, "explorer");
			this.fixtures.answerPassing(id, Track.COMMERCIAL, "deliverer");
			this.fixtures.sign(id, Track.TECHNICAL, "explorer", Meaning.APPROVE, null);
			GateView shown = this.gates.get(id);

			// The second approval, submitted twice at once (two tabs, a double click).
			List<Outcome> outcomes = race(signer(id, Track.COMMERCIAL, "deliverer", shown),
					signer(id, Track.COMMERCIAL, "deliverer", shown));

			assertThat(outcomes.stream().filter(Outcome::succeeded)).hasSize(1);
			assertThat(this.gates.get(id).status()).isEqualTo(GateStatus.APPROVED);
			assertThat(this.fixtures.stageOf(key)).isEqualTo("POC");
			assertThat(this.jdbc.sql("""
					select count(*) from stage_change c join prototype p on p.id = c.prototype_id
					where p.key = ? and c.to_stage = 'POC'""").param(key).query(Long.class).single()).isOne();
			assertThat(this.fixtures.validSignatures(id, Track.COMMERCIAL)).isOne();
			assertThat(this.auditTrail.forEntity("prototype", key)
				.stream()
				.filter((e) -> e.action().equals("STAGE_ADVANCED"))).hasSize(1);
		}
	}

	@Test
	void bothTracksSignedAtTheSameMomentNeverLeaveAnApprovedPairUndecided() throws Exception {
		String key = this.fixtures.prototype();
		long id = this.fixtures.open(key, "explorer").id();
		this.fixtures.answerPassing(id, Track.TECHNICAL, "explorer");
		GateView shown = this.fixtures.answerPassing(id, Track.COMMERCIAL, "deliverer");

		race(signer(id, Track.TECHNICAL, "explorer", shown), signer(id, Track.COMMERCIAL, "deliverer", shown));

		// Either both committed one after the other (approved, advanced once) or one lost
		// and the
		// gate still waits: never two valid approvals on an open gate.
		GateView gate = this.gates.get(id);
		boolean bothValid = gate.technical().signed() && gate.commercial().signed();
		assertThat(bothValid).isEqualTo(gate.status() == GateStatus.APPROVED);
		assertThat(this.fixtures.stageOf(key)).isEqualTo(bothValid ? "POC" : "PROTOTYPE");
	}

	@Test
	void thePmAndTheirDelegateSigningTheSameTrackAtOnceLeaveExactlyOneValidSignature() throws Exception {
		String pm = this.fixtures.person("rpm", Role.EXPLORATION_PM);
		String delegate = this.fixtures.person("rdg", Role.EXPLORATION_PM);
		this.delegations.grant(
				new io.dualgate.people.DelegationRequest(io.dualgate.people.SigningAuthority.TECHNICAL, delegate, null,
						java.time.Instant.now().plus(java.time.Duration.ofDays(7)), "race", null),
				this.fixtures.userId(pm));
		for (int round = 0; round < 3; round++) {
			long id = this.fixtures.open(this.fixtures.prototype(pm, "deliverer"), pm).id();
			GateView shown = this.fixtures.answerPassing(id, Track.TECHNICAL, pm);
			List<Outcome> outcomes = race(signer(id, Track.TECHNICAL, pm, shown),
					signer(id, Track.TECHNICAL, delegate, shown));
			assertThat(outcomes.stream().filter(Outcome::succeeded)).hasSize(1);
			assertThat(this.fixtures.validSignatures(id, Track.TECHNICAL)).isOne();
			assertThat(signatureRows(id)).isOne();
		}
	}

	@Test
	void aMistypedPasswordRacingTheRightOneIsRefusedAndCountedAndTheGateIsSignedOnce() throws Exception {
		String pm = this.fixtures.person("typo", Role.EXPLORATION_PM);
		long id = this.fixtures.open(this.fixtures.prototype(pm, "deliverer"), pm).id();
		GateView shown = this.fixtures.answerPassing(id, Track.TECHNICAL, pm);

		List<Outcome> outcomes = race(signer(id, Track.TECHNICAL, pm, shown, "not-" + GateFixtures.PASSWORD),
				signer(id, Track.TECHNICAL, pm, shown));

		assertThat(outcomes.get(0).succeeded()).isFalse();
		assertThat(outcomes.get(0).failure()).isInstanceOf(io.dualgate.shared.RuleViolationException.class)
			.hasFieldOrPropertyWithValue("messageCode", "gate.sign.wrongPassword");
		assertThat(outcomes.get(1).succeeded()).isTrue();
		assertThat(this.fixtures.validSignatures(id, Track.TECHNICAL)).isOne();
		// the wrong one counted towards the lock-out unless the right one, recorded after
		// it, reset the count (as a successful check always does)
		assertThat(this.jdbc.sql("select failed_attempts from app_user where username = ?")
			.param(pm)
			.query(Integer.class)
			.single()).isBetween(0, 1);
	}

	@Test
	void manySignersAtOnceEachSignTheirGateExactlyOnce() throws Exception {
		List<Callable<Outcome>> signers = new ArrayList<>();
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String pm = this.fixtures.person("many", Role.EXPLORATION_PM);
			long id = this.fixtures.open(this.fixtures.prototype(pm, "deliverer"), pm).id();
			GateView shown = this.fixtures.answerPassing(id, Track.TECHNICAL, pm);
			ids.add(id);
			// each PM submits twice at once (a double click) while the others sign
			signers.add(signer(id, Track.TECHNICAL, pm, shown));
			signers.add(signer(id, Track.TECHNICAL, pm, shown));
		}
		@SuppressWarnings("unchecked")
		List<Outcome> outcomes = race(signers.toArray(new Callable[0]));
		assertThat(outcomes.stream().filter(Outcome::succeeded)).hasSize(ids.size());
		for (long id : ids) {
			assertThat(this.fixtures.validSignatures(id, Track.TECHNICAL)).isOne();
			assertThat(signatureRows(id)).isOne();
		}
	}

	private Callable<Outcome> signer(long id, Track track, String username, GateView shown) {
		return signer(id, track, username, shown, GateFixtures.PASSWORD);
	}

	private Callable<Outcome> signer(long id, Track track, String username, GateView shown, String password) {
		long userId = this.fixtures.userId(username);
		SignCommand command = new SignCommand(Meaning.APPROVE, null, shown.track(track).contentHash(), null, password,
				true);
		return () -> {
			try {
				this.gates.sign(id, track, command, userId);
				return new Outcome(true, null);
			}
			catch (RuntimeException ex) {
				return new Outcome(false, ex);
			}
		};
	}

	/** Starts all tasks at the same instant on their own threads and waits for them. */
	@SafeVarargs
	private static List<Outcome> race(Callable<Outcome>... tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.length);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Outcome>> futures = new ArrayList<>();
			for (Callable<Outcome> task : tasks) {
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<Outcome> outcomes = new ArrayList<>();
			for (Future<Outcome> future : futures) {
				outcomes.add(future.get(60, TimeUnit.SECONDS));
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private long signatureRows(long gateId) {
		return this.jdbc.sql("select count(*) from gate_signature where gate_id = ?")
			.param(gateId)
			.query(Long.class)
			.single();
	}

	record Outcome(boolean succeeded, RuntimeException failure) {
	}

}
