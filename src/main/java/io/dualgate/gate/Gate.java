package io.dualgate.gate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.dualgate.gate.checklist.Answer;
import io.dualgate.gate.checklist.ItemSpec;
import io.dualgate.gate.checklist.ValueRange;
import io.dualgate.gate.checklist.Verdict;
import io.dualgate.gate.events.AutonomyGateApproved;
import io.dualgate.gate.events.GateApproved;
import io.dualgate.gate.events.GateOpened;
import io.dualgate.gate.events.GateRejected;
import io.dualgate.gate.events.ItemAnswered;
import io.dualgate.gate.events.SignatureInvalidated;
import io.dualgate.gate.events.TrackSigned;
import io.dualgate.gate.template.ChecklistTemplate;
import io.dualgate.portfolio.Stage;
import io.dualgate.shared.ConflictException;
import io.dualgate.shared.NotPermittedException;
import io.dualgate.shared.RuleViolationException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A dual-sign gate: the guarded state machine OPEN -> APPROVED | REJECTED. Its methods
 * check their preconditions, throw a domain exception when one fails and register
 * past-tense events; services only load, call and save.
 */
@Entity
@Table(name = "gate")
class Gate extends AbstractAggregateRoot<Gate> {

	/**
	 * A rejection is kept as {@code "<TRACK>: <reason>"}: room for the longest track, its
	 * separator and the longest reason ({@code gate.decision_reason}).
	 */
	static final int MAX_DECISION_REASON = "COMMERCIAL: ".length() + SignCommand.MAX_REASON;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private long prototypeId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private GateKind kind = GateKind.STAGE;

	/** An autonomy gate's capability and levels; null on a stage gate. */
	@Column(updatable = false)
	private String capability;

	@Column(updatable = false)
	private String fromLevel;

	@Column(updatable = false)
	private String toLevel;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private Stage fromStage;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private Stage toStage;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private GateStatus status;

	@Column(nullable = false, updatable = false)
	private long technicalTemplateId;

	@Column(nullable = false, updatable = false)
	private int technicalTemplateVersion;

	@Column(nullable = false, updatable = false)
	private long commercialTemplateId;

	@Column(nullable = false, updatable = false)
	private int commercialTemplateVersion;

	@Column(nullable = false, updatable = false)
	private Instant openedAt;

	@Column(updatable = false)
	private Long openedBy;

	@Column(nullable = false, updatable = false)
	private int slaHours;

	/**
	 * The SLA target to the second; {@link #slaHours} is the same, rounded up to hours.
	 */
	@Column(nullable = false, updatable = false)
	private long slaSeconds;

	private Instant decidedAt;

	private String decisionReason;

	/** Touched by every change, so that every change bumps {@link #version}. */
	@Column(nullable = false)
	private Instant lastChangedAt;

	@Version
	private long version;

	@OneToMany(mappedBy = "gate", cascade = CascadeType.ALL)
	@OrderBy("track, position")
	private List<GateItem> items = new ArrayList<>();

	@OneToMany(mappedBy = "gate", cascade = CascadeType.ALL)
	@OrderBy("signedAt, id")
	private List<Signature> signatures = new ArrayList<>();

	protected Gate() {
	}

	private Gate(long prototypeId, Stage fromStage, ChecklistTemplate technical, ChecklistTemplate commercial,
			java.time.Duration sla, Long openedBy, Instant at) {
		this.prototypeId = prototypeId;
		this.fromStage = fromStage;
		this.toStage = fromStage.next().orElseThrow();
		this.status = GateStatus.OPEN;
		this.technicalTemplateId = technical.getId();
		this.technicalTemplateVersion = technical.getVersion();
		this.commercialTemplateId = commercial.getId();
		this.commercialTemplateVersion = commercial.getVersion();
		this.slaSeconds = Math.max(1, sla.toSeconds());
		this.slaHours = (int) Math.max(1, (this.slaSeconds + 3599) / 3600);
		this.openedBy = openedBy;
		this.openedAt = at;
		this.lastChangedAt = at;
		copy(Track.TECHNICAL, technical);
		copy(Track.COMMERCIAL, commercial);
	}

	/**
	 * Opens a gate for the transition out of {@code currentStage}, copying the items of
	 * the template versions in force.
	 */
	static Gate open(long prototypeId, Stage currentStage, ChecklistTemplate technical, ChecklistTemplate commercial,
			java.time.Duration sla, Long openedBy, Instant at) {
		if (currentStage.next().isEmpty()) {
			throw new RuleViolationException("gate.open.noNextStage", currentStage);
		}
		if (technical.getFromStage() != currentStage || commercial.getFromStage() != currentStage
				|| technical.getTrack() != Track.TECHNICAL || commercial.getTrack() != Track.COMMERCIAL) {
			throw new IllegalArgumentException("templates do not fit the transition");
		}
		return new Gate(prototypeId, currentStage, technical, commercial, sla, openedBy, at);
	}

	private void copy(Track track, ChecklistTemplate template) {
		int position = 0;
		for (ItemSpec spec : template.specs()) {
			this.items.add(new GateItem(this, track, ++position, spec));
		}
	}

	/**
	 * Opens an autonomy gate: one capability of the prototype, from its level to the
	 * next, on the autonomy checklists of that level. The prototype's stage is kept for
	 * the record (both stage columns hold it).
	 */
	static Gate openAutonomy(long prototypeId, Stage currentStage, String capability, String fromLevel, String toLevel,
			ChecklistTemplate technical, ChecklistTemplate commercial, java.time.Duration sla, Long openedBy,
			Instant at) {
		if (technical.getKind() != GateKind.AUTONOMY || commercial.getKind() != GateKind.AUTONOMY
				|| !toLevel.equals(technical.getToLevel()) || !toLevel.equals(commercial.getToLevel())
				|| technical.getTrack() != Track.TECHNICAL || commercial.getTrack() != Track.COMMERCIAL) {
			throw new IllegalArgumentException("templates do not fit the autonomy gate");
		}
		Gate gate = new Gate();
		gate.prototypeId = prototypeId;
		gate.kind = GateKind.AUTONOMY;
		gate.capability = capability;
		gate.fromLevel = fromLevel;
		gate.toLevel = toLevel;
		gate.fromStage = currentStage;
		gate.toStage = currentStage;
		gate.status = GateStatus.OPEN;
		gate.technicalTemplateId = technical.getId();
		gate.technicalTemplateVersion = technical.getVersion();
		gate.commercialTemplateId = commercial.getId();
		gate.commercialTemplateVersion = commercial.getVersion();
		gate.slaSeconds = Math.max(1, sla.toSeconds());
		gate.slaHours = (int) Math.max(1, (gate.slaSeconds + 3599) / 3600);
		gate.openedBy = openedBy;
		gate.openedAt = at;
		gate.lastChangedAt = at;
		gate.copy(Track.TECHNICAL, technical);
		gate.copy(Track.COMMERCIAL, commercial);
		return gate;
	}

	/** Registers the opening once the gate has its id. */
	Gate opened(String actor) {
		registerEvent(new GateOpened(this.id, this.prototypeId, this.fromStage, this.toStage, actor, this.openedAt));
		return this;
	}

	/**
	 * Answers one item of a track. A change to a track that holds a valid signature
	 * invalidates that signature (and only that track's).
	 */
	void answer(Track track, String code, Answer answer, Actor actor, TrackOwners owners, Instant at, String source) {
		answer(track, code, answer, ValueRange.ANY, actor, owners, at, source);
	}

	/**
	 * Answers one item whose values must lie in {@code range} (the range of the metric it
	 * is bound to). A refused answer names its field and changes nothing.
	 */
	void answer(Track track, String code, Answer answer, ValueRange range, Actor actor, TrackOwners owners, Instant at,
			String source) {
		requireHolding(track, actor, owners, at);
		GateItem item = item(track, code);
		if (item.isComputed()) {
			throw new RuleViolationException("gate.answer.computed", code);
		}
		item.check(answer, range);
		if (answer.validUntil() != null && answer.validUntil().isBefore(LocalDate.ofInstant(at, ZoneOffset.UTC))) {
			throw new RuleViolationException("gate.answer.validUntil.past", answer.validUntil());
		}
		String before = item.answerText();
		if (item.record(answer, actor.id(), at, source, null)) {
			invalidateSignatureOf(track, at, actor.username(), "answer changed: " + code + " = " + item.answerText());
		}
		touch(at);
		registerEvent(new ItemAnswered(this.id, track, code, before, item.answerText(), source, actor.username(), at));
	}

	/**
	 * New evidence for a metric: every item bound to it re-evaluates. A signature is
	 * invalidated only when an item's PASS/FAIL changes; otherwise a signed value stays
	 * as it was signed.
	 * @return whether anything changed
	 */
	boolean applyEvidence(String metricKey, java.math.BigDecimal value, LocalDate date, String source, Instant at) {
		if (this.status != GateStatus.OPEN) {
			return false;
		}
		boolean changed = false;
		for (GateItem item : this.items) {
			// A computed item names its computation there, not a metric it reads.
			if (item.isComputed() || !metricKey.equals(item.getMetricKey())) {
				continue;
			}
			Answer evidence = new Answer(null, value, null);
			Verdict before = item.verdict();
			Verdict after = item.verdictFor(evidence);
			boolean signed = validSignature(item.getTrack()).isPresent();
			if (signed && before == after) {
				continue;
			}
			String beforeText = item.answerText();
			item.record(evidence, null, at, "metric:" + source, date);
			if (before != after) {
				invalidateSignatureOf(item.getTrack(), at, "metrics", "new evidence: " + metricKey + " = "
						+ value.stripTrailingZeros().toPlainString() + " on " + date);
			}
			registerEvent(new ItemAnswered(this.id, item.getTrack(), item.getCode(), beforeText, item.answerText(),
					"metric:" + source, "metrics", at));
			changed = true;
		}
		if (changed) {
			touch(at);
		}
		return changed;
	}

	/**
	 * What computed items find now: each re-evaluates; a signature is invalidated only
	 * when an item's PASS/FAIL changes (a signed value otherwise stays as it was signed).
	 * @param reader the reading for an item, empty when there is no data
	 * @return whether anything changed
	 */
	boolean applyComputed(java.util.function.Function<GateItem, Optional<ComputedEvidence.Reading>> reader,
			Instant at) {
		if (this.status != GateStatus.OPEN) {
			return false;
		}
		boolean changed = false;
		for (GateItem item : this.items) {
			if (!item.isComputed()) {
				continue;
			}
			ComputedEvidence.Reading reading = reader.apply(item).orElse(null);
			Verdict before = item.verdict();
			Verdict after = item.verdictFor(reading);
			boolean unanswered = item.getAnsweredAt() == null;
			if (!unanswered && before == after && validSignature(item.getTrack()).isPresent()) {
				continue;
			}
			String beforeText = item.answerText();
			boolean recorded = item.recordComputed(reading, at);
			if (before != after && !unanswered) {
				invalidateSignatureOf(item.getTrack(), at, "computed",
						"new evidence: " + item.getCode() + " = " + item.answerText() + " (" + after + ")");
			}
			if (recorded || before != after) {
				registerEvent(new ItemAnswered(this.id, item.getTrack(), item.getCode(), beforeText, item.answerText(),
						"computed:" + item.getMetricKey(), "computed", at));
				changed = true;
			}
		}
		if (changed) {
			touch(at);
		}
		return changed;
	}

	/**
	 * Signs a track. The signer must own the track (its assigned PM, holding its role),
	 * must not have signed the other track, must have seen the current answers
	 * ({@code shownHash}); an approval needs every blocking item to pass. The second
	 * valid approval approves the gate; a rejection closes it.
	 */
	Signature sign(Track track, Actor signer, TrackOwners owners, Meaning meaning, String reason, String shownHash,
			String meaningText, Instant at) {
		return sign(track, signer, owners, meaning, reason, shownHash, meaningText, at, (ApprovalGuard.Freeze) null);
	}

	/**
	 * Signs a track while {@code freeze} may hold: a release freeze on the prototype (a
	 * breached guard threshold) refuses every approval, naming the guard and since when;
	 * a rejection stays possible.
	 */
	Signature sign(Track track, Actor signer, TrackOwners owners, Meaning meaning, String reason, String shownHash,
			String meaningText, Instant at, ApprovalGuard.Freeze freeze) {
		return sign(track, signer, owners, meaning, reason, shownHash, meaningText, at, freeze,
				SignatureMethod.PASSWORD_RECHECK);
	}

	/**
	 * Signs a track, recording how the signer authenticated for it (password re-check or
	 * re-authentication at the OpenID provider).
	 */
	Signature sign(Track track, Actor signer, TrackOwners owners, Meaning meaning, String reason, String shownHash,
			String meaningText, Instant at, ApprovalGuard.Freeze freeze, SignatureMethod method) {
		TrackOwners.Capacity capacity = requireHolding(track, signer, owners, at);
		if (meaning == Meaning.APPROVE && freeze != null) {
			throw new RuleViolationException("gate.sign.frozen", freeze.guard(), freeze.since());
		}
		SeparationOfDuties.check(track, signer, capacity.principalId(), this.signatures);
		if (validSignature(track).isPresent()) {
			throw new ConflictException("gate.sign.alreadySigned");
		}
		String currentHash = contentHash(track);
		if (!currentHash.equals(shownHash)) {
			throw new RuleViolationException("gate.sign.contentChanged");
		}
		if (meaning == Meaning.APPROVE) {
			List<String> failing = failingBlockingItems(track);
			if (!failing.isEmpty()) {
				throw new RuleViolationException("gate.sign.blockingFails", String.join(", ", failing));
			}
		}
		String why = (reason != null && !reason.isBlank()) ? reason.strip() : null;
		if (meaning == Meaning.REJECT && why == null) {
			throw new RuleViolationException("gate.sign.reasonRequired");
		}
		if (why != null && why.length() > SignCommand.MAX_REASON) {
			throw new io.dualgate.shared.InvalidFieldException("reason", "gate.sign.reasonTooLong",
					SignCommand.MAX_REASON);
		}
		Signature signature = new Signature(this, track, signer, at, meaning, meaningText, why, templateId(track),
				templateVersion(track), currentHash, capacity, method);
		this.signatures.add(signature);
		touch(at);
		registerEvent(new TrackSigned(this.id, this.prototypeId, track, meaning, signer.id(), signer.fullName(),
				currentHash, why, signer.username(), at, capacity.principalId(),
				capacity.direct() ? null : capacity.delegation().id(), method.describe()));
		if (meaning == Meaning.REJECT) {
			this.status = GateStatus.REJECTED;
			this.decidedAt = at;
			this.decisionReason = track + ": " + why;
			registerEvent(new GateRejected(this.id, this.prototypeId, this.fromStage, this.toStage, this.decisionReason,
					signer.username(), at));
		}
		else if (validSignature(track.other()).filter(Signature::isValidApproval).isPresent()) {
			this.status = GateStatus.APPROVED;
			this.decidedAt = at;
			if (this.kind == GateKind.AUTONOMY) {
				registerEvent(new AutonomyGateApproved(this.id, this.prototypeId, this.capability, this.fromLevel,
						this.toLevel, signer.id(), signer.username(), at));
			}
			else {
				registerEvent(new GateApproved(this.id, this.prototypeId, this.fromStage, this.toStage, signer.id(),
						signer.username(), at));
			}
		}
		return signature;
	}

	/**
	 * Whether this person may answer the track now: the gate is open and the track is
	 * theirs. Pages and the API ask this, so they offer exactly what {@link #answer}
	 * allows.
	 */
	boolean mayAnswer(Track track, Actor actor, TrackOwners owners) {
		return this.status == GateStatus.OPEN && owners.owns(track, actor);
	}

	/**
	 * Whether this person may sign the track now: they may answer it, it holds no valid
	 * signature, and they have not signed the other track. (A release freeze refuses an
	 * approval when it is signed, with the guard named.)
	 */
	boolean maySign(Track track, Actor actor, TrackOwners owners) {
		if (this.status != GateStatus.OPEN || validSignature(track).isPresent()) {
			return false;
		}
		return owners.holding(track, actor, owners.at())
			.filter((capacity) -> !SeparationOfDuties.holdsOtherTrack(track, actor.id(), capacity.principalId(),
					this.signatures))
			.isPresent();
	}

	/**
	 * Refuses a person the track is not theirs (403, whatever the gate's state, so a
	 * stranger learns nothing), then a gate that is no longer open (409).
	 */
	void requireMayAnswer(Track track, Actor actor, TrackOwners owners) {
		requireHolding(track, actor, owners, owners.at());
	}

	/**
	 * The capacity this person holds the track in at {@code at} (theirs, or on behalf of
	 * its PM under a delegation running at that very instant); 403 if none, 409 if the
	 * gate is no longer open.
	 */
	private TrackOwners.Capacity requireHolding(Track track, Actor actor, TrackOwners owners, Instant at) {
		TrackOwners.Capacity capacity = owners.holding(track, actor, at)
			.orElseThrow(() -> new NotPermittedException("gate.track.notYours." + track));
		requireOpen();
		return capacity;
	}

	/**
	 * Evidence whose last valid day is before {@code today} expires: the item turns FAIL
	 * and, exactly like changed evidence, the track's signature is invalidated with the
	 * reason.
	 * @return whether anything expired
	 */
	boolean expireLapsedEvidence(LocalDate today, Instant at) {
		if (this.status != GateStatus.OPEN) {
			return false;
		}
		boolean changed = false;
		for (GateItem item : this.items) {
			if (item.evidenceLapsed(today)) {
				changed |= expire(item, item.getEvidenceValidUntil(), at, true);
			}
		}
		return changed;
	}

	/**
	 * A piece of evidence kept elsewhere (a POC's data-sovereignty agreement) expired:
	 * every item citing the same link expires with it.
	 * @return whether anything expired
	 */
	boolean expireEvidenceAt(String link, LocalDate validUntil, Instant at) {
		if (this.status != GateStatus.OPEN || link == null) {
			return false;
		}
		boolean changed = false;
		for (GateItem item : this.items) {
			if (link.strip().equals(item.getEvidenceUrl())) {
				// the evidence's own expiry is announced where it is kept
				changed |= expire(item, validUntil, at, false);
			}
		}
		return changed;
	}

	private boolean expire(GateItem item, LocalDate validUntil, Instant at, boolean announce) {
		String before = item.answerText();
		if (!item.expire(validUntil)) {
			return false;
		}
		invalidateSignatureOf(item.getTrack(), at, "evidence-expiry",
				"evidence expired on " + validUntil + ": " + item.getCode());
		registerEvent(new ItemAnswered(this.id, item.getTrack(), item.getCode(), before,
				"evidence expired on " + validUntil, "evidence-expiry", "evidence-expiry", at));
		if (announce) {
			registerEvent(new io.dualgate.portfolio.EvidenceExpired(this.prototypeId, "gate-item:" + item.getId(),
					item.getCode(), item.getEvidenceUrl(), validUntil, item.getAnsweredBy(), "/gates/" + this.id));
		}
		touch(at);
		return true;
	}

	private void invalidateSignatureOf(Track track, Instant at, String by, String why) {
		validSignature(track).ifPresent((signature) -> {
			signature.invalidate(at, by, why);
			registerEvent(new SignatureInvalidated(this.id, this.prototypeId, track, signature.getId(),
					signature.getSignerId(), signature.getOnBehalfOfId(), signature.getSignerName(), why, by, at));
		});
	}

	private void requireOpen() {
		if (this.status != GateStatus.OPEN) {
			throw new ConflictException("gate.notOpen", this.id, this.status);
		}
	}

	private void touch(Instant at) {
		this.lastChangedAt = at;
	}

	GateItem item(Track track, String code) {
		return this.items.stream()
			.filter((i) -> i.getTrack() == track && i.getCode().equals(code))
			.findFirst()
			.orElseThrow(() -> new io.dualgate.shared.NotFoundException("gate.item.notFound", track,
					io.dualgate.shared.Excerpt.of(code)));
	}

	List<GateItem> items(Track track) {
		return this.items.stream().filter((i) -> i.getTrack() == track).toList();
	}

	Optional<Signature> validSignature(Track track) {
		return this.signatures.stream().filter((s) -> s.getTrack() == track && s.isValid()).findFirst();
	}

	List<String> failingBlockingItems(Track track) {
		return items(track).stream()
			.filter((i) -> i.isBlocking() && !i.verdict().passes())
			.map(GateItem::getCode)
			.collect(Collectors.toList());
	}

	String contentHash(Track track) {
		return CanonicalAnswers.hash(this.id, track, templateId(track), templateVersion(track), this.items);
	}

	/**
	 * The track's hash now, in an earlier canonical form (to verify older signatures).
	 */
	String contentHash(Track track, int canonicalVersion) {
		return CanonicalAnswers.hash(canonicalVersion, this.id, track, templateId(track), templateVersion(track),
				this.items);
	}

	long templateId(Track track) {
		return (track == Track.TECHNICAL) ? this.technicalTemplateId : this.commercialTemplateId;
	}

	int templateVersion(Track track) {
		return (track == Track.TECHNICAL) ? this.technicalTemplateVersion : this.commercialTemplateVersion;
	}

	Long getId() {
		return this.id;
	}

	long getPrototypeId() {
		return this.prototypeId;
	}

	Stage getFromStage() {
		return this.fromStage;
	}

	GateKind getKind() {
		return this.kind;
	}

	String getCapability() {
		return this.capability;
	}

	String getFromLevel() {
		return this.fromLevel;
	}

	String getToLevel() {
		return this.toLevel;
	}

	Stage getToStage() {
		return this.toStage;
	}

	GateStatus getStatus() {
		return this.status;
	}

	Instant getOpenedAt() {
		return this.openedAt;
	}

	Long getOpenedBy() {
		return this.openedBy;
	}

	int getSlaHours() {
		return this.slaHours;
	}

	java.time.Duration getSla() {
		return java.time.Duration.ofSeconds(this.slaSeconds);
	}

	Instant getDecidedAt() {
		return this.decidedAt;
	}

	String getDecisionReason() {
		return this.decisionReason;
	}

	long getVersion() {
		return this.version;
	}

	List<GateItem> getItems() {
		return this.items;
	}

	List<Signature> getSignatures() {
		return this.signatures;
	}

	/** The events registered and not yet published (for tests of the aggregate). */
	java.util.Collection<Object> pendingEvents() {
		return domainEvents();
	}

	/** For tests of the aggregate without a database. */
	void assignIdForTest(long id) {
		this.id = id;
	}

}
