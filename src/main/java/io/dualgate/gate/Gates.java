package io.dualgate.gate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import io.dualgate.gate.checklist.Answer;
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

	Gates(GateRepository gates, ChecklistTemplates templates, Portfolio portfolio, People people,
			ObjectProvider<MetricReadings> metricReadings, GateProperties properties, MessageSource messages,
			Clock clock, PlatformTransactionManager transactionManager, GateViews views, Delegations delegations) {
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
		if (this.gates.findByPrototypeIdAndStatus(prototype.id(), GateStatus.OPEN).isPresent()) {
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
			gate.getItems().stream().map(GateItem::getMetricKey).filter(Objects::nonNull).forEach(keys::add);
			for (String key : keys) {
				readings.latest(prototype.id(), key)
					.ifPresent((r) -> gate.applyEvidence(key, r.value(), r.date(), r.source(), at));
			}
		}
		return this.gates.saveAndFlush(gate);
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
		gate.answer(track, code, answer, actor, owners(gate), at, source);
		return this.gates.saveAndFlush(gate);
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
		gate.sign(track, signer, owners(gate, at), meaning, reason, shownHash, meaningText(track, meaning, locale), at,
				method);
		return this.gates.saveAndFlush(gate);
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
		this.gates.findByPrototypeIdAndStatus(observation.prototypeId(), GateStatus.OPEN).ifPresent((gate) -> {
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

	public List<GateView> forPrototype(long prototypeId) {
		return this.gates.findByPrototypeIdOrderByOpenedAtDesc(prototypeId).stream().map(this::toView).toList();
	}

	/**
	 * Open gates with a track that this person may sign now: gates of the prototypes
	 * whose PM they are, where their track holds no valid signature and they have not
	 * signed the other track.
	 */
	public List<GateView> queueOf(long userId) {
		Actor actor = Actor.of(this.people.get(userId));
		Set<Long> prototypeIds = new HashSet<>(this.portfolio.idsWithPm(userId));
		// and the prototypes of the PMs whose signing this person holds now
		for (ActiveDelegation held : this.delegations.heldBy(userId, this.clock.instant())) {
			prototypeIds.addAll(this.portfolio.idsWithPm(held.delegatorId()));
		}
		if (prototypeIds.isEmpty()) {
			return List.of();
		}
		return sortedOverdueFirst(
				this.gates.findByStatusAndPrototypeIdIn(GateStatus.OPEN, prototypeIds).stream().filter((gate) -> {
					TrackOwners owners = owners(gate);
					return Arrays.stream(Track.values()).anyMatch((track) -> gate.maySign(track, actor, owners));
				}).map(this::toView));
	}

	/**
	 * What this person may do on a gate now, track by track: the one answer to "may they
	 * answer, may they sign" that the page and the API use.
	 */
	public GatePermissions permissions(long gateId, long userId) {
		Gate gate = load(gateId);
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
		this.gates.findByPrototypeIdAndStatus(expired.prototypeId(), GateStatus.OPEN).ifPresent((gate) -> {
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
		return this.gates.findByStatusOrAll(GateStatus.OPEN).stream().map((gate) -> {
			PrototypeView prototype = this.portfolio.get(gate.getPrototypeId());
			TrackOwners owners = owners(gate, now);
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
