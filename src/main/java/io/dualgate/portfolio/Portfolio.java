package io.dualgate.portfolio;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.dualgate.audit.AuditLog;
import io.dualgate.people.People;
import io.dualgate.people.Person;
import io.dualgate.people.Role;
import io.dualgate.shared.ConflictException;
import io.dualgate.shared.Excerpt;
import io.dualgate.shared.NotFoundException;
import io.dualgate.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The portfolio of prototypes: registration, description and stage moves. Other modules
 * (the gate) move stages through {@link #advance}; nothing else changes a stage.
 */
@Service
@Transactional(readOnly = true)
public class Portfolio {

	private final PrototypeRepository prototypes;

	private final People people;

	private final AuditLog auditLog;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Portfolio(PrototypeRepository prototypes, People people, AuditLog auditLog, Clock clock,
			ApplicationEventPublisher events) {
		this.prototypes = prototypes;
		this.people = people;
		this.auditLog = auditLog;
		this.clock = clock;
		this.events = events;
	}

	public List<PrototypeView> search(Stage stage, String query) {
		String q = StringUtils.hasText(query) ? query.strip() : null;
		return this.prototypes.search(stage, q).stream().map(Prototype::toView).toList();
	}

	/**
	 * One page of the portfolio, by name: the list a person browses.
	 */
	public Page<PrototypeView> searchPage(Stage stage, String query, int page, int size) {
		String q = StringUtils.hasText(query) ? query.strip() : null;
		return this.prototypes.searchPage(stage, q, PageRequest.of(Math.max(page, 0), size, Sort.by("name", "key")))
			.map(Prototype::toView);
	}

	/** The prototypes whose Exploration PM or Delivery PM this person is. */
	public Set<Long> idsWithPm(long userId) {
		return this.prototypes.idsWithPm(userId);
	}

	/** Several prototypes by id in one query (lists of gates). */
	public Map<Long, PrototypeView> byIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, PrototypeView> views = new HashMap<>();
		this.prototypes.findAllById(ids).forEach((prototype) -> views.put(prototype.getId(), prototype.toView()));
		return views;
	}

	public List<PrototypeView> all() {
		return search(null, null);
	}

	public Optional<PrototypeView> findByKey(String key) {
		return this.prototypes.findByKey(key).map(Prototype::toView);
	}

	public PrototypeView get(String key) {
		return findByKey(key).orElseThrow(() -> new NotFoundException("prototype.notFound", Excerpt.of(key)));
	}

	public PrototypeView get(long id) {
		return this.prototypes.findById(id)
			.map(Prototype::toView)
			.orElseThrow(() -> new NotFoundException("prototype.notFound", id));
	}

	/**
	 * Moves a prototype one stage on, as a dual-sign gate decided. Joins the caller's
	 * transaction so that the decision and the move commit together; the prototype's
	 * version and the once-per-stage constraint make a second advance fail.
	 */
	@Transactional
	public PrototypeView advance(long prototypeId, Stage from, Stage to, long decidedBy, Instant at, String reason) {
		Prototype prototype = this.prototypes.findById(prototypeId)
			.orElseThrow(() -> new NotFoundException("prototype.notFound", prototypeId));
		prototype.advanceTo(from, to, at, decidedBy, reason);
		this.prototypes.flush();
		this.auditLog.record("STAGE_ADVANCED", "prototype", prototype.getKey(), AuditLog.values("stage", from),
				AuditLog.values("stage", to), reason);
		PrototypeView view = prototype.toView();
		this.events.publishEvent(new PrototypeStageChanged(view.id(), view.key(), view.name(), from, to, reason, at));
		return view;
	}

	/**
	 * Stops a prototype for good. People decide this (a met kill criterion only flags
	 * it).
	 */
	@Transactional
	public PrototypeView kill(String key, long decidedBy, String reason) {
		Prototype prototype = this.prototypes.findByKey(key)
			.orElseThrow(() -> new NotFoundException("prototype.notFound", Excerpt.of(key)));
		Stage before = prototype.getStage();
		prototype.kill(this.clock.instant(), decidedBy, reason);
		this.prototypes.flush();
		this.auditLog.record("PROTOTYPE_KILLED", "prototype", key, AuditLog.values("stage", before),
				AuditLog.values("stage", Stage.KILLED), reason);
		PrototypeView view = prototype.toView();
		this.events.publishEvent(new PrototypeStageChanged(view.id(), view.key(), view.name(), before, Stage.KILLED,
				reason, this.clock.instant()));
		return view;
	}

	@Transactional
	PrototypeView register(PrototypeForm form, long actingUserId) {
		if (this.prototypes.existsByKey(form.key())) {
			throw new RuleViolationException("prototype.key.taken", form.key());
		}
		checkPms(form);
		Prototype prototype = this.prototypes.saveAndFlush(
				new Prototype(form.key(), form.name().strip(), form.problemStatement().strip(), form.vertical().strip(),
						form.explorationPmId(), form.deliveryPmId(), this.clock.instant(), actingUserId));
		this.auditLog.record("PROTOTYPE_REGISTERED", "prototype", prototype.getKey(), null, describe(prototype), null);
		return prototype.toView();
	}

	/**
	 * Describes a prototype anew. Only an admin reassigns its PMs: open gates then wait
	 * for the new PM, signatures already given stay valid.
	 */
	@Transactional
	PrototypeView describe(String key, PrototypeForm form, long actingUserId) {
		Prototype prototype = this.prototypes.findByKey(key)
			.orElseThrow(() -> new NotFoundException("prototype.notFound", Excerpt.of(key)));
		if (!Objects.equals(form.version(), prototype.getVersion())) {
			throw new ConflictException("conflict.changedMeanwhile");
		}
		PrototypeView current = prototype.toView();
		boolean reassigning = current.explorationPmId() != form.explorationPmId()
				|| current.deliveryPmId() != form.deliveryPmId();
		if (reassigning && !mayReassignPms(actingUserId)) {
			throw new RuleViolationException("prototype.pms.adminOnly");
		}
		checkPms(form);
		String before = describe(prototype);
		prototype.describe(form.name().strip(), form.problemStatement().strip(), form.vertical().strip(),
				form.explorationPmId(), form.deliveryPmId());
		this.prototypes.flush();
		this.auditLog.record("PROTOTYPE_UPDATED", "prototype", key, before, describe(prototype), null);
		if (reassigning) {
			this.auditLog.record("PROTOTYPE_PMS_REASSIGNED", "prototype", key,
					AuditLog.values("explorationPm", current.explorationPmId(), "deliveryPm", current.deliveryPmId()),
					AuditLog.values("explorationPm", form.explorationPmId(), "deliveryPm", form.deliveryPmId()), null);
		}
		return prototype.toView();
	}

	/** Whether this person may hand a prototype's tracks to other PMs: admins only. */
	boolean mayReassignPms(long userId) {
		return this.people.findById(userId).filter((p) -> p.active() && p.holds(Role.ADMIN)).isPresent();
	}

	private void checkPms(PrototypeForm form) {
		if (Objects.equals(form.explorationPmId(), form.deliveryPmId())) {
			// Two tracks, two people: one person holding both would block the gate.
			throw new RuleViolationException("prototype.pms.samePerson");
		}
		Person exploration = this.people.findById(form.explorationPmId()).orElse(null);
		if (exploration == null || !exploration.active() || !exploration.holds(Role.EXPLORATION_PM)) {
			throw new RuleViolationException("prototype.explorationPm.invalid");
		}
		Person delivery = this.people.findById(form.deliveryPmId()).orElse(null);
		if (delivery == null || !delivery.active() || !delivery.holds(Role.DELIVERY_PM)) {
			throw new RuleViolationException("prototype.deliveryPm.invalid");
		}
	}

	private static String describe(Prototype prototype) {
		PrototypeView view = prototype.toView();
		return AuditLog.values("key", view.key(), "name", view.name(), "vertical", view.vertical(), "explorationPm",
				view.explorationPmId(), "deliveryPm", view.deliveryPmId(), "stage", view.stage());
	}

}
