package io.dualgate.notifications;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.dualgate.gate.GateView;
import io.dualgate.gate.Gates;
import io.dualgate.gate.Meaning;
import io.dualgate.gate.Track;
import io.dualgate.gate.events.GateApproved;
import io.dualgate.gate.events.GateOpened;
import io.dualgate.gate.events.GateRejected;
import io.dualgate.gate.events.SignatureInvalidated;
import io.dualgate.gate.events.TrackSigned;
import io.dualgate.metrics.KillCriterionMet;
import io.dualgate.people.DelegationGranted;
import io.dualgate.portfolio.EvidenceExpired;
import io.dualgate.portfolio.Portfolio;
import io.dualgate.portfolio.PrototypeView;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import static io.dualgate.notifications.NotificationTexts.message;

/**
 * Turns what happened elsewhere into notifications, after the change committed (the event
 * publication registry recorded the event with the change and retries this until it
 * succeeds; recording is idempotent by each notification's key).
 */
@Component
class EventNotifications {

	private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(java.time.ZoneOffset.UTC);

	private final Notifications notifications;

	private final Recipients recipients;

	private final Portfolio portfolio;

	private final Gates gates;

	private final SlaFollowUps followUps;

	EventNotifications(Notifications notifications, Recipients recipients, Portfolio portfolio, Gates gates,
			SlaFollowUps followUps) {
		this.notifications = notifications;
		this.recipients = recipients;
		this.portfolio = portfolio;
		this.gates = gates;
		this.followUps = followUps;
	}

	@ApplicationModuleListener
	void on(GateOpened event) {
		PrototypeView prototype = this.portfolio.get(event.prototypeId());
		for (Track track : Track.values()) {
			Notifications.Draft draft = new Notifications.Draft(NotificationType.GATE_OPENED, event.gateId(),
					prototype.key(), List.of(event.gateId(), prototype.name(), message("gate.track." + track)),
					"/gates/" + event.gateId(), "gate-opened:" + event.gateId() + ":" + track);
			this.recipients.signersOf(prototype, track).forEach((id) -> this.notifications.record(id, draft));
		}
	}

	/** An approval leaves the other track waiting: its signers are asked for theirs. */
	@ApplicationModuleListener
	void on(TrackSigned event) {
		if (event.meaning() != Meaning.APPROVE) {
			return;
		}
		GateView gate = this.gates.get(event.gateId());
		Track other = event.track().other();
		if (!gate.open() || gate.track(other).signed()) {
			return;
		}
		PrototypeView prototype = this.portfolio.get(event.prototypeId());
		Notifications.Draft draft = new Notifications.Draft(NotificationType.AWAITING_SIGNATURE, event.gateId(),
				prototype.key(), List.of(event.gateId(), prototype.name(), message("gate.track." + other)),
				"/gates/" + event.gateId(),
				"awaiting:" + event.gateId() + ":" + other + ":" + event.at().toEpochMilli());
		this.recipients.signersOf(prototype, other).forEach((id) -> this.notifications.record(id, draft));
	}

	@ApplicationModuleListener
	void on(SignatureInvalidated event) {
		PrototypeView prototype = this.portfolio.get(event.prototypeId());
		Notifications.Draft draft = new Notifications.Draft(NotificationType.SIGNATURE_INVALIDATED, event.gateId(),
				prototype.key(),
				List.of(event.gateId(), prototype.name(), message("gate.track." + event.track()), event.reason()),
				"/gates/" + event.gateId(), "invalidated:" + event.signatureId());
		Set<Long> to = new LinkedHashSet<>();
		to.add(event.signerId());
		if (event.onBehalfOfId() != null) {
			to.add(event.onBehalfOfId());
		}
		to.forEach((id) -> this.notifications.record(id, draft));
	}

	@ApplicationModuleListener
	void on(GateApproved event) {
		this.followUps.decided(event.gateId(), event.at());
		PrototypeView prototype = this.portfolio.get(event.prototypeId());
		Notifications.Draft draft = new Notifications.Draft(NotificationType.GATE_APPROVED, event.gateId(),
				prototype.key(), List.of(event.gateId(), prototype.name(), message("stage." + event.toStage())),
				"/gates/" + event.gateId(), "approved:" + event.gateId());
		decisionRecipients(event.gateId(), prototype).forEach((id) -> this.notifications.record(id, draft));
	}

	/** An autonomy gate approved: the capability moves up a level. */
	@ApplicationModuleListener
	void on(io.dualgate.gate.events.AutonomyGateApproved event) {
		this.followUps.decided(event.gateId(), event.at());
		PrototypeView prototype = this.portfolio.get(event.prototypeId());
		Notifications.Draft draft = new Notifications.Draft(NotificationType.GATE_APPROVED, event.gateId(),
				prototype.key(),
				List.of(event.gateId(), event.capability() + " (" + prototype.name() + ")",
						message("autonomy.level." + event.toLevel())),
				"/gates/" + event.gateId(), "approved:" + event.gateId());
		decisionRecipients(event.gateId(), prototype).forEach((id) -> this.notifications.record(id, draft));
	}

	@ApplicationModuleListener
	void on(GateRejected event) {
		this.followUps.decided(event.gateId(), event.at());
		PrototypeView prototype = this.portfolio.get(event.prototypeId());
		Notifications.Draft draft = new Notifications.Draft(NotificationType.GATE_REJECTED, event.gateId(),
				prototype.key(), List.of(event.gateId(), prototype.name(), event.reason()), "/gates/" + event.gateId(),
				"rejected:" + event.gateId());
		decisionRecipients(event.gateId(), prototype).forEach((id) -> this.notifications.record(id, draft));
	}

	@ApplicationModuleListener
	void on(KillCriterionMet event) {
		PrototypeView prototype = this.portfolio.get(event.prototypeId());
		Notifications.Draft draft = new Notifications.Draft(NotificationType.KILL_CRITERION_MET, null, prototype.key(),
				List.of(prototype.name(), event.rule()), "/prototypes/" + prototype.key(),
				"kill:" + event.criterionId() + ":" + event.at().toEpochMilli());
		this.recipients.pmsOf(prototype).forEach((id) -> this.notifications.record(id, draft));
	}

	@ApplicationModuleListener
	void on(EvidenceExpired event) {
		PrototypeView prototype = this.portfolio.get(event.prototypeId());
		Notifications.Draft draft = new Notifications.Draft(NotificationType.EVIDENCE_EXPIRED, null, prototype.key(),
				List.of(prototype.name(), event.label(), event.validUntil()), event.path(),
				"evidence-expired:" + event.reference() + ":" + event.validUntil());
		Set<Long> to = (event.ownerId() != null) ? Set.of(event.ownerId()) : this.recipients.pmsOf(prototype);
		to.forEach((id) -> this.notifications.record(id, draft));
	}

	@ApplicationModuleListener
	void on(DelegationGranted event) {
		Notifications.Draft draft = new Notifications.Draft(
				NotificationType.DELEGATION_GRANTED, null, null, List.of(event.delegatorName(),
						message("gate.track." + event.authority()), event.from(), event.until(), event.reason()),
				"/profile#delegations", "delegation:" + event.delegationId());
		this.notifications.record(event.delegateId(), draft);
	}

	private Set<Long> decisionRecipients(long gateId, PrototypeView prototype) {
		Set<Long> to = this.recipients.pmsOf(prototype);
		Long openedBy = this.gates.get(gateId).openedBy();
		if (openedBy != null) {
			to.add(openedBy);
		}
		return to;
	}

}
