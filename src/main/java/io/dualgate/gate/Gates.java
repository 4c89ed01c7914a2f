package io.dualgate.gate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.dualgate.gate.checklist.Answer;
import io.dualgate.gate.checklist.ValueRange;
import io.dualgate.gate.template.ChecklistTemplate;
import io.dualgate.gate.template.ChecklistTemplates;
import io.dualgate.metrics.MetricReadings;
import io.dualgate.metrics.ObservationRecorded;
import io.dualgate.people.ActiveDelegation;
import io.dualgate.people.Delegations;
import io.dualgate.people.PasswordCheck;
import io.dualgate.people.People;
import io.dualgate.people.Person;
import io.dualgate.people.ReauthenticationProof;
import io.dualgate.portfolio.EvidenceExpired;
import io.dualgate.portfolio.Portfolio;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.shared.ConflictException;
import io.dualgate.shared.NotFoundException;
import io.dualgate.shared.RuleViolationException;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens, answers and signs gates. Loads the aggregate, calls it and saves it: the
 * decisions are the aggregate's.
 */
@Service
@Transactional(readOnly = true)
public class Gates {

	private final GateRepository gates;

	private final ChecklistTemplates templates;

	private final Portfolio portfolio;

	private final People people;

	private final ObjectProvider<MetricReadings> metricReadings;

	private final GateProperties properties;

	private final MessageSource messages;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final TransactionTemplate readOnlyTransactions;

	private final GateViews views;

	private final Delegations delegations;

	private final ObjectProvider<ComputedEvidence> computedEvidence;

	private final ObjectProvider<ApprovalGuard> approvalGuards;

	Gates(GateRepository gates, ChecklistTemplates templates, Portfolio portfolio, People people,
			ObjectProvider<MetricReadings> metricReadings, GateProperties properties, MessageSource messages,
			Clock clock, PlatformTransactionManager transactionManager, GateViews views, Delegations delegations,
			ObjectProvider<ComputedEvidence> computedEvidence, ObjectProvider<ApprovalGuard> approvalGuards) {
		this.computedEvidence = computedEvidence;
		this.approvalGuards = approvalGuards;
		this.views = views;
		this.delegations = delegations;
		this.transactions = new TransactionTemplate(transactionManager);
		this.readOnlyTransactions = new TransactionTemplate(transactionManager);
		this.readOnlyTransactions.setReadOnly(true);
		this.gates = gates;
		this.templates = templates;
		this.portfolio = portfolio;
		this.people = people;
		this.metricReadings = metricReadings;
		this.properties = properties;
		this.messages = messages;
		this.clock = clock;
	}

	// --- commands

	@Transactional
	public GateView open(String prototypeKey, long actorId) {
		return toView(open(prototypeKey, actor(actorId), this.clock.instant()));
	}

	@Transactional
	Gate open(String prototypeKey, Actor actor, Instant at) {
		PrototypeView prototype = this.portfolio.get(prototypeKey);
		if (!prototype.isPm(actor.id())) {
			throw new RuleViolationException("gate.open.notPm", prototypeKey);
		}
		if (this.gates.findByPrototypeIdAndStatusAndKind(prototype.id(), GateStatus.OPEN, GateKind.STAGE).isPresent()) {
			throw new ConflictException("gate.open.alreadyOpen", prototypeKey);
		}
		if (prototype.stage().next().isEmpty()) {
			throw new RuleViolationException("gate.open.noNextStage", prototype.stage());
		}
		ChecklistTemplate technical = this.templates.current(prototype.stage(), Track.TECHNICAL)
			.orElseThrow(() -> new RuleViolationException("gate.open.noTemplate", prototype.stage()));
		ChecklistTemplate commercial = this.templates.current(prototype.stage(), Track.COMMERCIAL)
			.orElseThrow(() -> new RuleViolationException("gate.open.noTemplate", prototype.stage()));
		Gate gate = this.gates.saveAndFlush(Gate.open(prototype.id(), prototype.stage(), technical, commercial,
				this.properties.slaFor(prototype.stage()), actor.id(), at));
		gate.opened(actor.username());
		// Items bound to a metric start from the latest evidence, when the metrics module
		// exists.
		MetricReadings readings = this.metricReadings.getIfAvailable();
		if (readings != null) {
			Set<String> keys = new HashSet<>();
			gate.getItems()
				.stream()
				.filter((item) -> !item.isComputed())
				.map(GateItem::getMetricKey)
				.filter(Objects::nonNull)
				.forEach(keys::add);
			for (String key : keys) {
				readings.latest(prototype.id(), key)
					.ifPresent((r) -> gate.applyEvidence(key, r.value(), r.date(), r.source(), at));
			}
		}
		applyComputed(gate, at);
		return this.gates.saveAndFlush(gate);
	}

	/**
	 * Opens an autonomy gate: raising one capability of the prototype from
	 * {@code fromLevel} to {@code toLevel}, on the autonomy checklists in force for that
	 * level, with the same two tracks, signatures, audit trail and SLA as a stage gate.
	 * The module keeping the ladder has checked the capability and its level.
	 */
	@Transactional
	public GateView openAutonomy(String prototypeKey, String capability, String fromLevel, String toLevel,
			long actorId) {
		return toView(openAutonomy(prototypeKey, capability, fromLevel, toLevel, actor(actorId), this.clock.instant()));
	}

	@Transactional
	public GateView openAutonomyAt(String prototypeKey, String capability, String fromLevel, String toLevel,
			long actorId, Instant at) {
		return toView(openAutonomy(prototypeKey, capability, fromLevel, toLevel, actor(actorId), at));
	}

	Gate openAutonomy(String prototypeKey, String capability, String fromLevel, String toLevel, Actor actor,
			Instant at) {
		PrototypeView prototype = this.portfolio.get(prototypeKey);
		if (!prototype.isPm(actor.id())) {
			throw new RuleViolationException("gate.open.notPm", prototypeKey);
		}
		if (prototype.stage() == io.dualgate.portfolio.Stage.KILLED) {
			throw new RuleViolationException("gate.autonomy.killed", prototypeKey);
		}
		if (this.gates
			.findByPrototypeIdAndStatusAndKindAndCapability(prototype.id(), GateStatus.OPEN, GateKind.AUTONOMY,
					capability)
			.isPresent()) {
			throw new ConflictException("gate.autonomy.alreadyOpen", capability);
		}
		ChecklistTemplate technical = this.templates.currentAutonomy(toLevel, Track.TECHNICAL)
			.orElseThrow(() -> new RuleViolationException("gate.autonomy.noTemplate", toLevel));
		ChecklistTemplate commercial = this.templates.currentAutonomy(toLevel, Track.COMMERCIAL)
			.orElseThrow(() -> new RuleViolationException("gate.autonomy.noTemplate", toLevel));
		Gate gate = this.gates.saveAndFlush(Gate.openAutonomy(prototype.id(), prototype.stage(), capability, fromLevel,
				toLevel, technical, commercial, this.properties.slaFor(prototype.stage()), actor.id(), at));
		gate.opened(actor.username());
		applyComputed(gate, at);
		return this.gates.saveAndFlush(gate);
	}

	/**
	 * What an autonomy checklist in force asks to reach a level, track by track: the
	 * defaults the autonomy page states.
	 */
	public List<Requirement> autonomyRequirements(String toLevel) {
		List<Requirement> requirements = new java.util.ArrayList<>();
		for (Track track : Track.values()) {
			this.templates.currentAutonomy(toLevel, track)
				.ifPresent((template) -> template.specs()
					.forEach((spec) -> requirements.add(new Requirement(track, template.getVersion(), spec.code(),
							spec.label(), spec.kind().name(), spec.thresholdText(), spec.blocking(), spec.metricKey(),
							spec.comparison() != null ? spec.comparison().symbol() : null, spec.threshold(),
							spec.minCount(), spec.windowDays()))));
		}
		return requirements;
	}

	/**
	 * One item of an autonomy checklist in force, for pages and rules of other modules.
	 *
	 * @param computation a computed item's computation
	 * ({@code human_acceptance_rate_pct})
	 */
	public record Requirement(Track track, int templateVersion, String code, String label, String kind,
			String thresholdText, boolean blocking, String computation, String comparator,
			java.math.BigDecimal threshold, Integer minCount, Integer windowDays) {
	}

	/**
	 * The data of a prototype changed (feedback, eval runs): the computed items of its
	 * open gates re-evaluate, in the caller's transaction.
	 */
	@Transactional
	public void refreshComputedEvidence(long prototypeId) {
		Instant at = this.clock.instant();
		for (Gate gate : this.gates.findByPrototypeIdAndStatusOrderById(prototypeId, GateStatus.OPEN)) {
			if (applyComputed(gate, at)) {
				this.gates.saveAndFlush(gate);
			}
		}
	}

	/**
	 * Windows move with time: hourly, on one node (ShedLock), computed items re-evaluate.
	 */
	@Scheduled(cron = "${dualgate.gate.computed-cron:0 15 * * * *}", zone = "UTC")
	@SchedulerLock(name = "gate-computed-evidence", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5S")
	@Transactional
	public void refreshComputedOnSchedule() {
		Instant at = this.clock.instant();
		for (Gate gate : this.gates.findOpenWithComputedItems()) {
			if (applyComputed(gate, at)) {
				this.gates.saveAndFlush(gate);
			}
		}
	}

	/** Asks the sources of computed evidence for each computed item of the gate. */
	boolean applyComputed(Gate gate, Instant at) {
		if (gate.getItems().stream().noneMatch(GateItem::isComputed)) {
			return false;
		}
		List<ComputedEvidence> sources = this.computedEvidence.orderedStream().toList();
		return gate.applyComputed((item) -> sources.stream()
			.filter((source) -> source.computes(item.getMetricKey()))
			.findFirst()
			.flatMap((source) -> source.read(new ComputedEvidence.Query(gate.getPrototypeId(), gate.getCapability(),
					item.getMetricKey(), item.spec().param(), item.spec().windowDays(), at))),
				at);
	}

	/**
	 * Answers one item. {@code expectedRevision} is the item's revision the form showed;
	 * a different one means someone changed it meanwhile (409).
	 */
	@Transactional
	public GateView answer(long gateId, Track track, String code, Answer answer, Integer expectedRevision, long actorId,
			String source) {
		return toView(
				answer(gateId, track, code, answer, expectedRevision, actor(actorId), source, this.clock.instant()));
	}

	@Transactional
	Gate answer(long gateId, Track track, String code, Answer answer, Integer expectedRevision, Actor actor,
			String source, Instant at) {
		Gate gate = load(gateId);
		if (expectedRevision != null && gate.item(track, code).getRevision() != expectedRevision) {
			throw new ConflictException("conflict.changedMeanwhile");
		}
		gate.answer(track, code, answer, rangeOf(gate, track, code), actor, owners(gate), at, source);
		return this.gates.saveAndFlush(gate);
	}

	/**
	 * The range of the metric an item is bound to: a gate answer keeps the range an
	 * observation of that metric must keep.
	 */
	private ValueRange rangeOf(Gate gate, Track track, String code) {
		MetricReadings readings = this.metricReadings.getIfAvailable();
		return gate.items(track)
			.stream()
			.filter((item) -> item.getCode().equals(code) && item.getMetricKey() != null)
			.findFirst()
			.flatMap((item) -> (readings != null) ? readings.range(item.getMetricKey()) : Optional.empty())
			.map((range) -> new ValueRange(range.min(), range.max()))
			.orElse(ValueRange.ANY);
	}

	/**
	 * Signs a track after re-checking the signer's password. Wrong passwords count
	 * towards the lock-out even though nothing else is saved. The password check (slow on
	 * purpose, and in its own transaction) runs before the signing transaction opens, so
	 * that a signer never holds two database connections at once.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public GateView sign(long gateId, Track track, SignCommand command, long actorId) {
		// A stranger is refused before the password is looked at: their attempt neither
		// counts towards anyone's lock-out nor reveals whether the password was right.
		this.readOnlyTransactions.executeWithoutResult((status) -> requireMayAnswer(gateId, track, actorId));
		if (!command.confirmed()) {
			throw new RuleViolationException("gate.sign.confirmRequired");
		}
		PasswordCheck check = this.people.checkPassword(actorId, command.password());
		if (check == PasswordCheck.LOCKED) {
			throw new RuleViolationException("gate.sign.locked");
		}
		if (check != PasswordCheck.CORRECT) {
			throw new RuleViolationException("gate.sign.wrongPassword");
		}
		return record(gateId, track, command, actorId, SignatureMethod.PASSWORD_RECHECK);
	}

	/**
	 * Signs after a step-up re-authentication at the OpenID provider instead of the
	 * password re-check: the proof (checked by {@code StepUp}: this request's nonce, the
	 * session's subject, a recent {@code auth_time}) is recorded with the signature.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public GateView signReauthenticated(long gateId, Track track, SignCommand command, long actorId,
			ReauthenticationProof proof) {
		this.readOnlyTransactions.executeWithoutResult((status) -> requireMayAnswer(gateId, track, actorId));
		if (!command.confirmed()) {
			throw new RuleViolationException("gate.sign.confirmRequired");
		}
		return record(gateId, track, command, actorId,
				SignatureMethod.reauthenticated(proof.issuer(), proof.authTime()));
	}

	/**
	 * Checks that the person may sign this track, before they are sent to
	 * re-authenticate.
	 */
	public void requireMaySign(long gateId, Track track, long actorId) {
		this.readOnlyTransactions.executeWithoutResult((status) -> requireMayAnswer(gateId, track, actorId));
	}

	private GateView record(long gateId, Track track, SignCommand command, long actorId, SignatureMethod method) {
		Locale locale = LocaleContextHolder.getLocale();
		// Computed items are judged as of now, in a transaction of their own: if they
		// changed since the page was shown, the signature below is refused (the hash the
		// signer saw no longer matches), and the page shows what changed.
		this.transactions.executeWithoutResult((status) -> {
			Gate gate = load(gateId);
			if (applyComputed(gate, this.clock.instant())) {
				this.gates.saveAndFlush(gate);
			}
		});
		return this.transactions.execute((status) -> {
			Gate gate = load(gateId);
			if (command.expectedVersion() != null && command.expectedVersion() != gate.getVersion()) {
				throw new ConflictException("conflict.changedMeanwhile");
			}
			return toView(sign(gate, track, actor(actorId), command.meaning(), command.reason(), command.shownHash(),
					this.clock.instant(), locale, method));
		});
	}

	Gate sign(Gate gate, Track track, Actor signer, Meaning meaning, String reason, String shownHash, Instant at,
			Locale locale) {
		return sign(gate, track, signer, meaning, reason, shownHash, at, locale, SignatureMethod.PASSWORD_RECHECK);
	}

	private Gate sign(Gate gate, Track track, Actor signer, Meaning meaning, String reason, String shownHash,
			Instant at, Locale locale, SignatureMethod method) {
		ApprovalGuard.Freeze freeze = (meaning == Meaning.APPROVE) ? freezeOf(gate.getPrototypeId()).orElse(null)
				: null;
		gate.sign(track, signer, owners(gate, at), meaning, reason, shownHash, meaningText(track, meaning, locale), at,
				freeze, method);
		return this.gates.saveAndFlush(gate);
	}

	/**
	 * The release freeze on a prototype now, if a module declares one (a breached guard
	 * threshold): no gate of it can be approved while it holds.
	 */
	public java.util.Optional<ApprovalGuard.Freeze> freezeOf(long prototypeId) {
		return this.approvalGuards.orderedStream()
			.map((guard) -> guard.freezeOf(prototypeId))
			.flatMap(java.util.Optional::stream)
			.findFirst();
	}

	/** The confirmation text a signature means; set by the server, never by the form. */
	public String meaningText(Track track, Meaning meaning, Locale locale) {
		return this.messages.getMessage("gate.meaning." + meaning + "." + track, null, locale);
	}

	/**
	 * New evidence for a metric re-evaluates the bound items of the prototype's open
	 * gate, in the recording transaction.
	 */
	@EventListener
	@Transactional
	public void on(ObservationRecorded observation) {
		this.gates.findByPrototypeIdAndStatusOrderById(observation.prototypeId(), GateStatus.OPEN).forEach((gate) -> {
			if (gate.applyEvidence(observation.metricKey(), observation.value(), observation.date(),
					observation.source(), this.clock.instant())) {
				this.gates.saveAndFlush(gate);
			}
		});
	}

	// --- queries

	public GateView get(long id) {
		return toView(load(id));
	}

	public List<GateView> list(GateStatus status) {
		return sortedOverdueFirst(this.gates.findByStatusOrAll(status).stream().map(this::toView));
	}

	/**
	 * The items of a prototype's gates that cite framework controls, newest gate first,
	 * with their verdicts now (for coverage pages).
	 */
	public List<CoveredItem> coveredItems(long prototypeId) {
		return this.gates.findByPrototypeIdOrderByOpenedAtDesc(prototypeId)
			.stream()
			.flatMap((gate) -> gate.getItems()
				.stream()
				.filter((item) -> !item.spec().references().isEmpty())
				.map((item) -> new CoveredItem(gate.getId(), gate.getFromStage(), gate.getToStage(), gate.getStatus(),
						gate.getOpenedAt(), item.getTrack(), item.getCode(), item.spec().label(), item.spec().labelZh(),
						item.spec().references(), item.verdict(), item.getEvidenceExpiredOn() != null)))
			.toList();
	}

	public List<GateView> forPrototype(long prototypeId) {
		return this.gates.findByPrototypeIdOrderByOpenedAtDesc(prototypeId).stream().map(this::toView).toList();
	}

	/**
	 * Open gates with a track that this person may sign now: gates of the prototypes
	 * whose PM they are, where their track holds no valid signature and they have not
	 * signed the other track.
	 */
	public List<GateView> queueOf(long userId) {
		return sortedOverdueFirst(queueGates(userId).stream().map(this::toView));
	}

	/**
	 * One page of {@link #queueOf}, overdue first: only the open gates of this person's
	 * prototypes (and those they hold a delegation for) are read, their owners in two
	 * queries for all of them, and only the page's rows are turned into summaries.
	 */
	public Page<GateSummary> queuePage(long userId, int page, int size) {
		Instant now = this.clock.instant();
		List<Gate> queue = queueGates(userId).stream()
			.sorted(Comparator.comparing((Gate g) -> !SlaView.of(g.getOpenedAt(), null, g.getSla(), now).overdue())
				.thenComparing(Gate::getOpenedAt, Comparator.reverseOrder())
				.thenComparing(Gate::getId, Comparator.reverseOrder()))
			.toList();
		PageRequest request = PageRequest.of(Math.max(page, 0), size);
		int from = (int) Math.min(request.getOffset(), queue.size());
		return new PageImpl<>(summaries(queue.subList(from, Math.min(from + size, queue.size())), now), request,
				queue.size());
	}

	private List<Gate> queueGates(long userId) {
		Actor actor = Actor.of(this.people.get(userId));
		Instant now = this.clock.instant();
		Set<Long> prototypeIds = new HashSet<>(this.portfolio.idsWithPm(userId));
		// and the prototypes of the PMs whose signing this person holds now
		for (ActiveDelegation held : this.delegations.heldBy(userId, now)) {
			prototypeIds.addAll(this.portfolio.idsWithPm(held.delegatorId()));
		}
		if (prototypeIds.isEmpty()) {
			return List.of();
		}
		List<Gate> open = this.gates.findByStatusAndPrototypeIdIn(GateStatus.OPEN, prototypeIds);
		Map<Long, TrackOwners> owners = owners(open, now);
		return open.stream().filter((gate) -> {
			TrackOwners trackOwners = owners.get(gate.getId());
			return Arrays.stream(Track.values()).anyMatch((track) -> gate.maySign(track, actor, trackOwners));
		}).toList();
	}

	/**
	 * One page of the list of gates (all, or those of one status), overdue first, then
	 * open ones, newest first: the database sorts and cuts the page, and only the page's
	 * rows are read.
	 */
	public Page<GateSummary> page(GateStatus status, int page, int size) {
		Instant now = this.clock.instant();
		PageRequest request = PageRequest.of(Math.max(page, 0), size);
		String statusName = (status != null) ? status.name() : null;
		long total = (status != null) ? this.gates.countByStatus(status) : this.gates.count();
		List<Gate> rows = (request.getOffset() < total)
				? this.gates.findPageOverdueFirst(statusName, now, size, request.getOffset()) : List.of();
		return new PageImpl<>(summaries(rows, now), request, total);
	}

	private List<GateSummary> summaries(List<Gate> gates, Instant now) {
		Map<Long, PrototypeView> prototypes = this.portfolio
			.byIds(gates.stream().map(Gate::getPrototypeId).collect(Collectors.toSet()));
		return gates.stream().map((gate) -> {
			PrototypeView prototype = prototypes.get(gate.getPrototypeId());
			return new GateSummary(gate.getId(), gate.getPrototypeId(), prototype.key(), prototype.name(),
					gate.getFromStage(), gate.getToStage(), gate.getStatus(), gate.getOpenedAt(),
					SlaView.of(gate.getOpenedAt(), gate.getDecidedAt(), gate.getSla(), now),
					trackSummary(gate, Track.TECHNICAL), trackSummary(gate, Track.COMMERCIAL), gate.getKind(),
					gate.getCapability(), gate.getFromLevel(), gate.getToLevel());
		}).toList();
	}

	private static GateSummary.TrackSummary trackSummary(Gate gate, Track track) {
		return new GateSummary.TrackSummary(track,
				gate.validSignature(track)
					.map((signature) -> new GateSummary.SignedBy(signature.getMeaning(), signature.getSignerName()))
					.orElse(null));
	}

	/**
	 * What this person may do on a gate now, track by track: the one answer to "may they
	 * answer, may they sign" that the page and the API use.
	 */
	public GatePermissions permissions(long gateId, long userId) {
		return permissions(load(gateId), userId);
	}

	/**
	 * The gate as its page shows it and what this person may do on it, from one read of
	 * the gate in one transaction.
	 */
	public GateDetail detail(long gateId, long userId) {
		Gate gate = load(gateId);
		return new GateDetail(toView(gate), permissions(gate, userId));
	}

	/**
	 * What the sign form shows, after refusing a person the track is not theirs to answer
	 * (403): the gate, and the delegation they would sign under, if any. One read of the
	 * gate.
	 */
	public SignPage signPage(long gateId, Track track, long userId) {
		Gate gate = load(gateId);
		TrackOwners owners = owners(gate);
		Actor actor = actor(userId);
		gate.requireMayAnswer(track, actor, owners);
		ActiveDelegation onBehalf = owners.holding(track, actor, owners.at())
			.filter((capacity) -> !capacity.direct())
			.map(TrackOwners.Capacity::delegation)
			.orElse(null);
		return new SignPage(toView(gate), onBehalf);
	}

	private GatePermissions permissions(Gate gate, long userId) {
		Person person = this.people.get(userId);
		if (!person.active()) {
			return GatePermissions.NONE;
		}
		Actor actor = Actor.of(person);
		TrackOwners owners = owners(gate);
		Set<Track> answer = EnumSet.noneOf(Track.class);
		Set<Track> sign = EnumSet.noneOf(Track.class);
		for (Track track : Track.values()) {
			if (gate.mayAnswer(track, actor, owners)) {
				answer.add(track);
			}
			if (gate.maySign(track, actor, owners)) {
				sign.add(track);
			}
		}
		return new GatePermissions(answer, sign);
	}

	/**
	 * The delegation under which this person would sign the track now, if they hold it on
	 * someone's behalf (the sign page says so before they sign).
	 */
	public java.util.Optional<ActiveDelegation> signsOnBehalfUnder(long gateId, Track track, long userId) {
		Gate gate = load(gateId);
		TrackOwners owners = owners(gate);
		return owners.holding(track, actor(userId), owners.at())
			.filter((capacity) -> !capacity.direct())
			.map(TrackOwners.Capacity::delegation);
	}

	/**
	 * Refuses with 403 unless the track is this person's to answer: for callers that must
	 * check before they read a request body.
	 */
	public void requireMayAnswer(long gateId, Track track, long userId) {
		Gate gate = load(gateId);
		gate.requireMayAnswer(track, actor(userId), owners(gate));
	}

	private static List<GateView> sortedOverdueFirst(java.util.stream.Stream<GateView> views) {
		return views
			.sorted(Comparator.comparing((GateView g) -> !g.sla().overdue())
				.thenComparing((GateView g) -> g.status() != GateStatus.OPEN)
				.thenComparing(GateView::openedAt, Comparator.reverseOrder()))
			.toList();
	}

	// --- helpers

	Gate load(long id) {
		return this.gates.findById(id).orElseThrow(() -> new NotFoundException("gate.notFound", id));
	}

	TrackOwners owners(Gate gate) {
		return owners(gate, this.clock.instant());
	}

	/**
	 * The prototype's PMs and their delegations not over at {@code at}; the aggregate
	 * checks each delegation's period for the instant it acts at.
	 */
	TrackOwners owners(Gate gate, Instant at) {
		PrototypeView prototype = this.portfolio.get(gate.getPrototypeId());
		List<ActiveDelegation> running = this.delegations
			.runningOf(List.of(prototype.explorationPmId(), prototype.deliveryPmId()), at);
		return new TrackOwners(prototype.explorationPmId(), prototype.deliveryPmId(), running, at);
	}

	// --- evidence expiry

	/**
	 * Expires dated evidence whose last valid day has passed, on every open gate: the
	 * item fails and the track's signature is invalidated. Hourly on one node (ShedLock);
	 * idempotent.
	 */
	@Scheduled(cron = "${dualgate.evidence.expiry-cron:0 5 * * * *}", zone = "UTC")
	@SchedulerLock(name = "gate-evidence-expiry", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5S")
	@Transactional
	public void expireLapsedEvidence() {
		expireLapsedEvidence(LocalDate.now(this.clock));
	}

	@Transactional
	public int expireLapsedEvidence(LocalDate today) {
		int expired = 0;
		for (Gate gate : this.gates.findOpenWithLapsedEvidence(today)) {
			if (gate.expireLapsedEvidence(today, this.clock.instant())) {
				this.gates.saveAndFlush(gate);
				expired++;
			}
		}
		return expired;
	}

	/**
	 * Evidence kept elsewhere expired (a POC's data-sovereignty agreement): the items of
	 * the prototype's open gate citing the same link expire with it, in the same
	 * transaction.
	 */
	@EventListener
	@Transactional
	public void on(EvidenceExpired expired) {
		if (expired.reference().startsWith(GateEvidenceCalendar.REFERENCE_PREFIX) || expired.link() == null) {
			return;
		}
		this.gates.findByPrototypeIdAndStatusOrderById(expired.prototypeId(), GateStatus.OPEN).forEach((gate) -> {
			if (gate.expireEvidenceAt(expired.link(), expired.validUntil(), this.clock.instant())) {
				this.gates.saveAndFlush(gate);
			}
		});
	}

	// --- the SLA clock for reminders

	/**
	 * Open gates with the tracks still waiting for a signature and who may give it (the
	 * track's PM and their running delegates), for the reminder job.
	 */
	public List<AwaitingGate> awaitingSignatures() {
		Instant now = this.clock.instant();
		List<Gate> open = this.gates.findByStatusOrAll(GateStatus.OPEN);
		Map<Long, TrackOwners> allOwners = owners(open, now);
		Map<Long, PrototypeView> prototypes = this.portfolio
			.byIds(open.stream().map(Gate::getPrototypeId).collect(Collectors.toSet()));
		return open.stream().map((gate) -> {
			PrototypeView prototype = prototypes.get(gate.getPrototypeId());
			TrackOwners owners = allOwners.get(gate.getId());
			List<AwaitingGate.AwaitingTrack> tracks = Arrays.stream(Track.values())
				.filter((track) -> gate.validSignature(track).isEmpty())
				.map((track) -> new AwaitingGate.AwaitingTrack(track, owners.ownerOf(track),
						owners.delegations()
							.stream()
							.filter((d) -> d.delegatorId() == owners.ownerOf(track)
									&& d.authority().name().equals(track.name()) && d.runsAt(now))
							.map(ActiveDelegation::delegateId)
							.toList()))
				.toList();
			return new AwaitingGate(gate.getId(), gate.getPrototypeId(), prototype.key(), prototype.name(),
					gate.getOpenedAt(), gate.getSla(), gate.getOpenedBy(), tracks);
		}).toList();
	}

	/**
	 * The owners of many gates at once, by gate id: their prototypes in one query and the
	 * running delegations of all their PMs in another (instead of two per gate).
	 */
	Map<Long, TrackOwners> owners(List<Gate> gates, Instant at) {
		if (gates.isEmpty()) {
			return Map.of();
		}
		Map<Long, PrototypeView> prototypes = this.portfolio
			.byIds(gates.stream().map(Gate::getPrototypeId).collect(Collectors.toSet()));
		Set<Long> pms = new HashSet<>();
		prototypes.values().forEach((p) -> {
			pms.add(p.explorationPmId());
			pms.add(p.deliveryPmId());
		});
		Map<Long, List<ActiveDelegation>> running = this.delegations.runningOf(pms, at)
			.stream()
			.collect(Collectors.groupingBy(ActiveDelegation::delegatorId));
		Map<Long, TrackOwners> owners = new HashMap<>();
		for (Gate gate : gates) {
			PrototypeView prototype = prototypes.get(gate.getPrototypeId());
			List<ActiveDelegation> theirs = new ArrayList<>(
					running.getOrDefault(prototype.explorationPmId(), List.of()));
			if (prototype.deliveryPmId() != prototype.explorationPmId()) {
				theirs.addAll(running.getOrDefault(prototype.deliveryPmId(), List.of()));
			}
			owners.put(gate.getId(),
					new TrackOwners(prototype.explorationPmId(), prototype.deliveryPmId(), theirs, at));
		}
		return owners;
	}

	Actor actor(long userId) {
		Person person = this.people.get(userId);
		if (!person.active()) {
			throw new RuleViolationException("gate.actor.inactive");
		}
		return Actor.of(person);
	}

	GateView toView(Gate gate) {
		return this.views.of(gate);
	}

}
