package io.dualgate.learning.autonomy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.dualgate.audit.AuditLog;
import io.dualgate.gate.Gates;
import io.dualgate.gate.Track;
import io.dualgate.gate.events.AutonomyGateApproved;
import io.dualgate.learning.Json;
import io.dualgate.learning.LearningAccess;
import io.dualgate.learning.feedback.FeedbackRecorded;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.Portfolio;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.shared.ConflictException;
import io.dualgate.shared.InvalidFieldException;
import io.dualgate.shared.NotFoundException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The autonomy ladder: a capability is raised one level when an autonomy gate is approved
 * (both signatures, in the signing transaction), lowered one level automatically when the
 * evidence turns (in the transaction that brought the evidence), or lowered by a person's
 * hand with a reason. Every change locks the capability's row first, so two changes never
 * race: two batches arriving together cannot skip a level or lower it twice.
 */
@Service
@Transactional(readOnly = true)
public class Autonomy {

	static final int MAX_REASON = 1000;

	private final CapabilityRepository capabilities;

	private final EntityManager entityManager;

	private final JdbcClient jdbc;

	private final Portfolio portfolio;

	private final LearningAccess access;

	private final Gates gates;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Autonomy(CapabilityRepository capabilities, EntityManager entityManager, JdbcClient jdbc, Portfolio portfolio,
			LearningAccess access, Gates gates, AuditLog auditLog, ApplicationEventPublisher events, Clock clock) {
		this.capabilities = capabilities;
		this.entityManager = entityManager;
		this.jdbc = jdbc;
		this.portfolio = portfolio;
		this.access = access;
		this.gates = gates;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	// --- automatic lowering

	/**
	 * New feedback: each capability it concerns is judged on the evidence received since
	 * its level last changed, in the feedback's transaction.
	 */
	@EventListener
	@Transactional
	public void on(FeedbackRecorded event) {
		for (Long id : event.capabilityIds()) {
			Capability capability = lock(id);
			Instant seen = event.levelChangedAtSeen().get(id);
			if (seen != null && capability.getLevelChangedAt().isAfter(seen)) {
				// Changed since this batch arrived, by a batch that arrived with it: that
				// change has judged the evidence; it is not judged twice.
				continue;
			}
			Instant since = capability.getLevelChangedAt();
			List<String> critical = this.jdbc.sql("""
					select case_id from feedback_case
					where capability_id = ? and received_at > ? and severity = 'CRITICAL'
					order by occurred_at, case_id limit 20""")
				.params(id, Timestamp.from(since))
				.query(String.class)
				.list();
			AutonomyLadder.Window window = this.jdbc.sql("""
					select count(*), count(*) filter (where outcome = 'ACCEPTED') from (
					    select outcome from feedback_case where capability_id = ? and received_at > ?
					    order by received_at desc, occurred_at desc, case_id desc limit ?) latest""")
				.params(id, Timestamp.from(since), capability.policy().windowCases())
				.query((rs, n) -> new AutonomyLadder.Window(rs.getInt(1), rs.getInt(2)))
				.single();
			AutonomyLadder.judge(capability.getLevel(), capability.policy(), critical, window)
				.ifPresent((demotion) -> change(capability, demotion.to(), demotion.cause().name(), null,
						demotion.evidence(), null, null, "system", this.clock.instant()));
		}
	}

	// --- raising, through an approved autonomy gate

	/**
	 * Both tracks of an autonomy gate approved: the capability goes up one level in the
	 * same transaction. If its level is no longer the one the gate was opened from (taken
	 * back meanwhile), the approval is refused and nothing is saved.
	 */
	@EventListener
	@Transactional
	public void on(AutonomyGateApproved event) {
		Capability found = this.capabilities.findByPrototypeIdAndKey(event.prototypeId(), event.capability())
			.orElseThrow(() -> new NotFoundException("capability.notFound", event.capability(), event.prototypeId()));
		Capability capability = lock(found.getId());
		AutonomyLevel from = AutonomyLevel.valueOf(event.fromLevel());
		AutonomyLevel to = AutonomyLevel.valueOf(event.toLevel());
		if (capability.getLevel() != from || from.up().orElse(null) != to) {
			throw new ConflictException("autonomy.gate.levelChanged", event.capability(), capability.getLevel());
		}
		change(capability, to, "GATE", event.gateId(), "dual-sign gate #" + event.gateId() + " approved", null,
				event.decidedBy(), event.actor(), event.at());
	}

	// --- lowering by hand

	/**
	 * The stop button: a PM (or their delegate) or an admin lowers a capability, by
	 * default one step, to SUGGEST at the most, with a reason.
	 */
	@Transactional
	public LevelChangeView lower(String prototypeKey, String capabilityKey, String target, String reason,
			AuthenticatedUser by) {
		PrototypeView prototype = this.access.writable(prototypeKey, by);
		String why = (reason != null) ? reason.strip() : "";
		if (why.isEmpty()) {
			throw new InvalidFieldException("reason", "autonomy.lower.reasonRequired");
		}
		if (why.length() > MAX_REASON) {
			throw new InvalidFieldException("reason", "learning.field.tooLong", MAX_REASON);
		}
		Capability capability = lock(find(prototype, capabilityKey).getId());
		AutonomyLevel to;
		if (target == null || target.isBlank()) {
			to = capability.getLevel()
				.down()
				.orElseThrow(() -> new InvalidFieldException("level", "autonomy.lower.atBottom", capabilityKey));
		}
		else {
			to = Arrays.stream(AutonomyLevel.values())
				.filter((l) -> l.name().equalsIgnoreCase(target.strip()))
				.findFirst()
				.orElseThrow(() -> new InvalidFieldException("level", "autonomy.level.invalid", Json.excerpt(target)));
			if (!capability.getLevel().above(to)) {
				throw new InvalidFieldException("level", "autonomy.lower.notLower", to, capability.getLevel());
			}
		}
		long changeId = change(capability, to, "MANUAL", null, null, why, by.id(), by.getUsername(),
				this.clock.instant());
		return history(capability.getId()).stream().filter((c) -> c.id() == changeId).findFirst().orElseThrow();
	}

	// --- the lower bounds

	/**
	 * Sets a capability's lower bounds; refused when a bound would sit at or above the
	 * acceptance rate that raises a capability to that level (the hysteresis inverted).
	 */
	@Transactional
	public CapabilityView setPolicy(String prototypeKey, String capabilityKey, DemotionPolicy policy,
			AuthenticatedUser by) {
		PrototypeView prototype = this.access.writable(prototypeKey, by);
		policy.check(raiseBound("DRAFT_FOR_REVIEW"), raiseBound("ACT"));
		Capability capability = lock(find(prototype, capabilityKey).getId());
		DemotionPolicy before = capability.policy();
		capability.setPolicy(policy);
		this.capabilities.flush();
		this.auditLog.record("AUTONOMY_POLICY_SET", "capability", capability.getId(), describe(before),
				describe(policy), null);
		return CapabilityView.of(capability, prototype.key());
	}

	/**
	 * The acceptance rate the autonomy checklist in force asks to reach a level (the
	 * computed item on {@code human_acceptance_rate_pct}), or null.
	 */
	public BigDecimal raiseBound(String toLevel) {
		return this.gates.autonomyRequirements(toLevel)
			.stream()
			.filter((r) -> r.track() == Track.TECHNICAL && "human_acceptance_rate_pct".equals(r.computation()))
			.map(Gates.Requirement::threshold)
			.findFirst()
			.orElse(null);
	}

	// --- reading

	public List<LevelChangeView> history(long capabilityId) {
		return this.jdbc.sql("""
				select h.id, h.from_level, h.to_level, h.cause, h.gate_id, h.evidence, h.reason, u.full_name,
				       h.changed_at
				from autonomy_level_change h left join app_user u on u.id = h.actor_id
				where h.capability_id = ? order by h.changed_at desc, h.id desc""")
			.param(capabilityId)
			.query((rs, n) -> new LevelChangeView(rs.getLong(1), AutonomyLevel.valueOf(rs.getString(2)),
					AutonomyLevel.valueOf(rs.getString(3)), rs.getString(4), (Long) rs.getObject(5), rs.getString(6),
					rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()))
			.list();
	}

	/** The acceptance over the latest K cases received since the level last changed. */
	public AutonomyLadder.Window window(CapabilityView capability, DemotionPolicy policy) {
		return this.jdbc.sql("""
				select count(*), count(*) filter (where outcome = 'ACCEPTED') from (
				    select outcome from feedback_case where capability_id = ? and received_at > ?
				    order by received_at desc, occurred_at desc, case_id desc limit ?) latest""")
			.params(capability.id(), Timestamp.from(capability.levelChangedAt()), policy.windowCases())
			.query((rs, n) -> new AutonomyLadder.Window(rs.getInt(1), rs.getInt(2)))
			.single();
	}

	public DemotionPolicy policy(CapabilityView capability) {
		return this.capabilities.findById(capability.id()).orElseThrow().policy();
	}

	// --- helpers

	/**
	 * The capability with its row locked, its state read afresh under the lock (a copy
	 * read earlier in the transaction may be stale).
	 */
	private Capability lock(long id) {
		Capability capability = this.capabilities.findById(id)
			.orElseThrow(() -> new NotFoundException("capability.notFound", id, ""));
		this.entityManager.refresh(capability, LockModeType.PESSIMISTIC_WRITE);
		return capability;
	}

	private Capability find(PrototypeView prototype, String key) {
		return this.capabilities.findByPrototypeIdAndKey(prototype.id(), (key != null) ? key.strip() : "")
			.orElseThrow(() -> new NotFoundException("capability.notFound", Json.excerpt(key), prototype.key()));
	}

	/**
	 * Moves the capability, records the change (its sequence is the capability's version
	 * before it: a second change from the same state is refused by the database), audits
	 * it and announces a lowering.
	 * @return the change's id
	 */
	private long change(Capability capability, AutonomyLevel to, String cause, Long gateId, String evidence,
			String reason, Long actorId, String actor, Instant at) {
		AutonomyLevel from = capability.getLevel();
		long id = this.jdbc.sql("""
				insert into autonomy_level_change (capability_id, sequence, from_level, to_level, cause, gate_id,
				    evidence, reason, actor_id, changed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(capability.getId(), capability.getVersion(), from.name(), to.name(), cause, gateId,
					(evidence != null && evidence.length() > 1000) ? evidence.substring(0, 1000) : evidence, reason,
					actorId, Timestamp.from(at))
			.query(Long.class)
			.single();
		capability.moveTo(to, at);
		this.capabilities.flush();
		PrototypeView prototype = this.portfolio.get(capability.getPrototypeId());
		boolean raised = to.above(from);
		this.auditLog.recordAs(actor, raised ? "AUTONOMY_RAISED" : "AUTONOMY_LOWERED", "capability", capability.getId(),
				AuditLog.values("prototype", prototype.key(), "capability", capability.getKey(), "level", from),
				AuditLog.values("prototype", prototype.key(), "capability", capability.getKey(), "level", to, "cause",
						cause, "evidence", evidence),
				(reason != null) ? reason : evidence);
		if (!raised) {
			this.events.publishEvent(new AutonomyLowered(id, prototype.id(), prototype.key(), capability.getKey(), from,
					to, cause, (reason != null) ? reason : evidence, at));
		}
		return id;
	}

	private static String describe(DemotionPolicy policy) {
		return AuditLog.values("windowCases", policy.windowCases(), "draftBelowPct",
				DemotionPolicy.plain(policy.draftBelowPct()), "actBelowPct",
				DemotionPolicy.plain(policy.actBelowPct()));
	}

	/** The capability a key names, if any (no access check). */
	public Optional<CapabilityView> find(PrototypeView prototype, String key, boolean quiet) {
		return this.capabilities.findByPrototypeIdAndKey(prototype.id(), key)
			.map((c) -> CapabilityView.of(c, prototype.key()));
	}

}
