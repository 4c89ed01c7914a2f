package io.dualgate.gate;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.dualgate.gate.checklist.Answer;
import io.dualgate.gate.checklist.ItemSpec;
import io.dualgate.people.People;
import io.dualgate.people.Person;
import io.dualgate.portfolio.Portfolio;
import io.dualgate.portfolio.PrototypeView;

import org.springframework.stereotype.Component;

/**
 * Turns the aggregate into what pages, records and the API show: names instead of ids,
 * the current hash per track, verdicts and the SLA clock.
 */
@Component
class GateViews {

	private final Portfolio portfolio;

	private final People people;

	private final Clock clock;

	GateViews(Portfolio portfolio, People people, Clock clock) {
		this.portfolio = portfolio;
		this.people = people;
		this.clock = clock;
	}

	GateView of(Gate gate) {
		PrototypeView prototype = this.portfolio.get(gate.getPrototypeId());
		Set<Long> ids = gate.getItems()
			.stream()
			.map(GateItem::getAnsweredBy)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		Map<Long, Person> answerers = ids.isEmpty() ? Map.of() : this.people.byIds(ids);
		return new GateView(gate.getId(), gate.getPrototypeId(), prototype.key(), prototype.name(), gate.getFromStage(),
				gate.getToStage(), gate.getStatus(), gate.getOpenedAt(), gate.getOpenedBy(), gate.getDecidedAt(),
				gate.getDecisionReason(), gate.getVersion(),
				SlaView.of(gate.getOpenedAt(), gate.getDecidedAt(), gate.getSla(), this.clock.instant()),
				track(gate, Track.TECHNICAL, answerers), track(gate, Track.COMMERCIAL, answerers), gate.getKind(),
				gate.getCapability(), gate.getFromLevel(), gate.getToLevel());
	}

	private static TrackView track(Gate gate, Track track, Map<Long, Person> answerers) {
		String hash = gate.contentHash(track);
		List<ItemView> items = gate.items(track).stream().map((item) -> {
			ItemSpec spec = item.spec();
			Answer answer = item.answer();
			Person by = (item.getAnsweredBy() != null) ? answerers.get(item.getAnsweredBy()) : null;
			return new ItemView(spec.code(), spec.label(), spec.kind(), spec.unit(),
					(spec.comparison() != null) ? spec.comparison().symbol() : null, spec.threshold(),
					spec.thresholdText(), spec.blocking(), spec.metricKey(), (answer != null) ? answer.yes() : null,
					(answer != null) ? answer.value() : null, (answer != null) ? answer.evidenceUrl() : null,
					item.getAnsweredBy(), (by != null) ? by.fullName() : null, item.getAnsweredAt(),
					item.getAnswerSource(), item.getEvidenceDate(), item.getRevision(), item.verdict(),
					item.getEvidenceValidUntil(), item.getEvidenceExpiredOn(), spec.minCount(), spec.windowDays(),
					spec.param(), item.getComputedCount(), item.getComputedAsOf(), spec.labelZh(), spec.helpEn(),
					spec.helpZh(), spec.references());
		}).toList();
		List<SignatureView> signatures = gate.getSignatures()
			.stream()
			.filter((s) -> s.getTrack() == track)
			.map((s) -> s
				.toView((version) -> (version == CanonicalAnswers.CURRENT) ? hash : gate.contentHash(track, version)))
			.toList();
		SignatureView valid = signatures.stream().filter(SignatureView::valid).findFirst().orElse(null);
		return new TrackView(track, gate.templateId(track), gate.templateVersion(track), items, hash,
				gate.failingBlockingItems(track), valid, signatures);
	}

}
