package io.dualgate.learning.okr;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.dualgate.audit.AuditLog;
import io.dualgate.gate.Track;
import io.dualgate.learning.Json;
import io.dualgate.learning.LearningAccess;
import io.dualgate.learning.Quarter;
import io.dualgate.learning.okr.OkrView.CheckInView;
import io.dualgate.learning.okr.OkrView.KeyResultView;
import io.dualgate.metrics.MetricDefinition;
import io.dualgate.metrics.MetricReading;
import io.dualgate.metrics.Metrics;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.people.People;
import io.dualgate.people.Person;
import io.dualgate.people.Role;
import io.dualgate.portfolio.Portfolio;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.shared.InvalidFieldException;
import io.dualgate.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shared OKRs: stating an objective with its key results, each PM's check-ins, and the
 * progress computed from the prototype's observations. Reading needs
 * {@link LearningAccess#mayRead}, writing {@link LearningAccess#mayWrite}.
 */
@Service
@Transactional(readOnly = true)
public class Okrs {

	static final int MAX_OBJECTIVE = 300;

	static final int MAX_NOTE = 1000;

	private final OkrRepository okrs;

	private final Portfolio portfolio;

	private final Metrics metrics;

	private final People people;

	private final LearningAccess access;

	private final AuditLog auditLog;

	private final Clock clock;

	Okrs(OkrRepository okrs, Portfolio portfolio, Metrics metrics, People people, LearningAccess access,
			AuditLog auditLog, Clock clock) {
		this.okrs = okrs;
		this.portfolio = portfolio;
		this.metrics = metrics;
		this.people = people;
		this.access = access;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** A key result as a form or JSON element sends it: text, checked here. */
	public record KeyResultInput(String metric, String baseline, String target, String stretch, String unit,
			String deadline, String track) {
	}

	public record OkrCommand(String period, String objective, List<KeyResultInput> keyResults) {
	}

	public record CheckInCommand(String track, String confidence, String note, String date) {
	}

	// --- queries

	public List<OkrView> forPrototype(String prototypeKey, AuthenticatedUser viewer) {
		PrototypeView prototype = this.portfolio.get(prototypeKey);
		this.access.requireRead(prototype, viewer);
		return views(prototype, this.okrs.findByPrototypeIdOrderByPeriodDescIdAsc(prototype.id()));
	}

	public OkrView get(String prototypeKey, long id, AuthenticatedUser viewer) {
		PrototypeView prototype = this.portfolio.get(prototypeKey);
		this.access.requireRead(prototype, viewer);
		return views(prototype, List.of(load(prototype, id))).get(0);
	}

	/**
	 * The objectives of one quarter across the portfolio that this person may read: all
	 * for executives, auditors and admins, their own prototypes' for PMs.
	 */
	public List<OkrView> portfolio(Quarter period, AuthenticatedUser viewer) {
		List<Okr> found;
		if (this.access.readsPortfolio(viewer)) {
			found = this.okrs.findByPeriodOrderByPrototypeIdAscIdAsc(period.toString());
		}
		else {
			Set<Long> readable = this.portfolio.all()
				.stream()
				.filter((p) -> this.access.mayRead(p, viewer))
				.map(PrototypeView::id)
				.collect(Collectors.toSet());
			found = readable.isEmpty() ? List.of()
					: this.okrs.findByPeriodAndPrototypeIdInOrderByPrototypeIdAscIdAsc(period.toString(), readable);
		}
		List<OkrView> views = new ArrayList<>();
		found.stream()
			.collect(Collectors.groupingBy(Okr::getPrototypeId, java.util.LinkedHashMap::new, Collectors.toList()))
			.forEach((prototypeId, list) -> views.addAll(views(this.portfolio.get(prototypeId), list)));
		return views;
	}

	// --- commands

	@Transactional
	public OkrView state(String prototypeKey, OkrCommand command, AuthenticatedUser by) {
		PrototypeView prototype = this.portfolio.get(prototypeKey);
		this.access.requireWrite(prototype, by);
		if (command.period() == null || command.period().isBlank()) {
			throw new InvalidFieldException("period", "learning.field.required");
		}
		Quarter period = Quarter.parse(command.period(), "period");
		String objective = (command.objective() != null) ? command.objective().strip() : "";
		if (objective.isEmpty()) {
			throw new InvalidFieldException("objective", "learning.field.required");
		}
		if (objective.length() > MAX_OBJECTIVE) {
			throw new InvalidFieldException("objective", "learning.field.tooLong", MAX_OBJECTIVE);
		}
		List<KeyResultInput> inputs = (command.keyResults() != null) ? command.keyResults() : List.of();
		List<Okr.KeyResultSpec> specs = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			specs.add(spec(inputs.get(i), "keyResults[" + i + "].", period));
		}
		Okr okr = this.okrs
			.saveAndFlush(Okr.state(prototype.id(), period, objective, specs, by.id(), this.clock.instant()));
		this.auditLog.record("OKR_STATED", "okr", okr.getId(), null,
				AuditLog.values("prototype", prototype.key(), "period", period, "objective", Json.excerpt(objective),
						"keyResults", specs.stream().map((s) -> s.metricKey() + ":" + s.track()).toList()),
				null);
		return views(prototype, List.of(okr)).get(0);
	}

	@Transactional
	public CheckInView checkIn(String prototypeKey, long okrId, CheckInCommand command, AuthenticatedUser by) {
		PrototypeView prototype = this.portfolio.get(prototypeKey);
		this.access.requireWrite(prototype, by);
		Okr okr = load(prototype, okrId);
		Track track = trackFor(prototype, command.track(), by);
		if (command.confidence() == null || command.confidence().isBlank()) {
			throw new InvalidFieldException("confidence", "learning.field.required");
		}
		int confidence = Json.integer(Json.decimal(command.confidence(), "confidence"), "confidence", 0, 10);
		String note = (command.note() != null && !command.note().isBlank()) ? command.note().strip() : null;
		if (note != null && note.length() > MAX_NOTE) {
			throw new InvalidFieldException("note", "learning.field.tooLong", MAX_NOTE);
		}
		LocalDate date = Optional.ofNullable(Json.date(command.date(), "date")).orElse(LocalDate.now(this.clock));
		Long onBehalfOf = this.access.onBehalfOf(prototype, track, by).orElse(null);
		Okr.CheckIn checkIn = okr.checkIn(track, by.id(), onBehalfOf, confidence, note, date, this.clock.instant());
		// The objective is managed: flushing persists the new check-in itself (a merge
		// would persist a copy).
		this.okrs.flush();
		this.auditLog.record("OKR_CHECKED_IN", "okr", okr.getId(), null,
				AuditLog.values("track", track, "confidence", confidence, "date", date, "onBehalfOf", onBehalfOf),
				Json.excerpt(note));
		return checkInView(checkIn, names(java.util.Arrays.asList(checkIn.getAuthorId(), onBehalfOf)));
	}

	/**
	 * The track a check-in is for: the one this person holds on the prototype, or the one
	 * they name when they hold both or none (an admin).
	 */
	private Track trackFor(PrototypeView prototype, String requested, AuthenticatedUser by) {
		Set<Track> held = this.access.tracksOf(prototype, by);
		Track named = null;
		if (requested != null && !requested.isBlank()) {
			named = Arrays.stream(Track.values())
				.filter((t) -> t.name().equalsIgnoreCase(requested.strip()))
				.findFirst()
				.orElseThrow(
						() -> new InvalidFieldException("track", "learning.track.invalid", Json.excerpt(requested)));
			if (!held.contains(named) && !by.holds(Role.ADMIN)) {
				throw new InvalidFieldException("track", "okr.checkIn.track.notYours", named);
			}
			return named;
		}
		if (held.size() == 1) {
			return held.iterator().next();
		}
		throw new InvalidFieldException("track", "okr.checkIn.track.required");
	}

	private Okr.KeyResultSpec spec(KeyResultInput input, String path, Quarter period) {
		if (input == null) {
			throw new InvalidFieldException(path + "metric", "learning.field.required");
		}
		String metricKey = (input.metric() != null) ? input.metric().strip() : "";
		if (metricKey.isEmpty()) {
			throw new InvalidFieldException(path + "metric", "learning.field.required");
		}
		MetricDefinition metric = this.metrics.definition(metricKey)
			.orElseThrow(() -> new InvalidFieldException(path + "metric", "learning.metric.unknown",
					Json.excerpt(metricKey)));
		BigDecimal baseline = required(Json.decimal(input.baseline(), path + "baseline"), path + "baseline");
		BigDecimal target = required(Json.decimal(input.target(), path + "target"), path + "target");
		BigDecimal stretch = Json.decimal(input.stretch(), path + "stretch");
		inRange(metric, baseline, path + "baseline");
		inRange(metric, target, path + "target");
		if (stretch != null) {
			inRange(metric, stretch, path + "stretch");
		}
		String unit = (input.unit() != null && !input.unit().isBlank()) ? input.unit().strip() : metric.unit();
		if (!unit.equals(metric.unit())) {
			throw new InvalidFieldException(path + "unit", "okr.unit.notMetrics", Json.excerpt(unit), metric.key(),
					metric.unit());
		}
		LocalDate deadline = Optional.ofNullable(Json.date(input.deadline(), path + "deadline")).orElse(period.end());
		if (input.track() == null || input.track().isBlank()) {
			throw new InvalidFieldException(path + "track", "learning.field.required");
		}
		Track track = Arrays.stream(Track.values())
			.filter((t) -> t.name().equalsIgnoreCase(input.track().strip()))
			.findFirst()
			.orElseThrow(() -> new InvalidFieldException(path + "track", "learning.track.invalid",
					Json.excerpt(input.track())));
		return new Okr.KeyResultSpec(metric.key(), baseline, target, stretch, unit, deadline, track);
	}

	private static BigDecimal required(BigDecimal value, String path) {
		if (value == null) {
			throw new InvalidFieldException(path, "learning.field.required");
		}
		return value;
	}

	/** A key result's figures lie in its metric's range (a rate between 0 and 100). */
	static void inRange(MetricDefinition metric, BigDecimal value, String path) {
		if ((metric.minValue() != null && value.compareTo(metric.minValue()) < 0)
				|| (metric.maxValue() != null && value.compareTo(metric.maxValue()) > 0)) {
			throw new InvalidFieldException(path, "learning.value.outOfRange", value.toPlainString(), metric.key(),
					plain(metric.minValue()), plain(metric.maxValue()));
		}
	}

	private static String plain(BigDecimal value) {
		return (value != null) ? value.stripTrailingZeros().toPlainString() : "-";
	}

	private Okr load(PrototypeView prototype, long id) {
		return this.okrs.findById(id)
			.filter((okr) -> okr.getPrototypeId() == prototype.id())
			.orElseThrow(() -> new NotFoundException("okr.notFound", id));
	}

	// --- views

	private List<OkrView> views(PrototypeView prototype, List<Okr> list) {
		Set<Long> ids = new HashSet<>();
		for (Okr okr : list) {
			ids.add(okr.getCreatedBy());
			okr.getCheckIns().forEach((c) -> {
				ids.add(c.getAuthorId());
				if (c.getOnBehalfOfId() != null) {
					ids.add(c.getOnBehalfOfId());
				}
			});
		}
		Map<Long, Person> names = ids.isEmpty() ? Map.of() : this.people.byIds(ids);
		Map<String, MetricDefinition> definitions = this.metrics.definitions()
			.stream()
			.collect(Collectors.toMap(MetricDefinition::key, (d) -> d));
		LocalDate today = LocalDate.now(this.clock);
		return list.stream().map((okr) -> view(prototype, okr, names, definitions, today)).toList();
	}

	private OkrView view(PrototypeView prototype, Okr okr, Map<Long, Person> names,
			Map<String, MetricDefinition> definitions, LocalDate today) {
		Quarter quarter = okr.quarter();
		List<KeyResultView> keyResults = new ArrayList<>();
		for (Okr.KeyResult kr : okr.getKeyResults()) {
			MetricReading reading = current(prototype, kr.getMetricKey(), kr.getDeadline(), today);
			OkrProgress progress = OkrProgress.of(kr.getBaseline(), kr.getTarget(), kr.getStretch(),
					(reading != null) ? reading.value() : null, quarter.start(), kr.getDeadline(), today);
			MetricDefinition definition = definitions.get(kr.getMetricKey());
			keyResults.add(new KeyResultView(kr.getId(), kr.getPosition(), kr.getMetricKey(),
					(definition != null) ? definition.name() : kr.getMetricKey(), plainScale(kr.getBaseline()),
					plainScale(kr.getTarget()), plainScale(kr.getStretch()), kr.getUnit(), kr.getDeadline(),
					kr.getOwnerTrack(), (reading != null) ? reading.value() : null,
					(reading != null) ? reading.date() : null, progress));
		}
		List<CheckInView> checkIns = okr.getCheckIns().stream().map((c) -> checkInView(c, names)).toList();
		CheckInView technical = okr.latest(Track.TECHNICAL).map((c) -> checkInView(c, names)).orElse(null);
		CheckInView commercial = okr.latest(Track.COMMERCIAL).map((c) -> checkInView(c, names)).orElse(null);
		OkrStatus status = OkrProgress.objective(keyResults.stream().map((k) -> k.progress().status()).toList(),
				java.util.stream.Stream.of(technical, commercial)
					.filter(java.util.Objects::nonNull)
					.map(CheckInView::confidence)
					.toList());
		Person creator = names.get(okr.getCreatedBy());
		return new OkrView(okr.getId(), prototype.key(), prototype.name(), okr.getPeriod(), okr.getObjective(),
				okr.getCreatedAt(), (creator != null) ? creator.fullName() : null, status, keyResults, technical,
				commercial, checkIns);
	}

	/**
	 * The latest observation on or before the deadline (a key result is judged by its
	 * deadline once that has passed).
	 */
	private MetricReading current(PrototypeView prototype, String metricKey, LocalDate deadline, LocalDate today) {
		if (!today.isAfter(deadline)) {
			return this.metrics.latest(prototype.id(), metricKey).orElse(null);
		}
		List<Metrics.ObservationView> before = this.metrics.observations(prototype.key(), metricKey,
				deadline.minusDays(92), deadline);
		if (before.isEmpty()) {
			return null;
		}
		Metrics.ObservationView last = before.get(before.size() - 1);
		return new MetricReading(last.metric(), last.date(), last.value(), last.source());
	}

	private static BigDecimal plainScale(BigDecimal value) {
		if (value == null) {
			return null;
		}
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	private static CheckInView checkInView(Okr.CheckIn checkIn, Map<Long, Person> names) {
		Person author = names.get(checkIn.getAuthorId());
		Person principal = (checkIn.getOnBehalfOfId() != null) ? names.get(checkIn.getOnBehalfOfId()) : null;
		return new CheckInView(checkIn.getId(), checkIn.getTrack(), (author != null) ? author.fullName() : null,
				(principal != null) ? principal.fullName() : null, checkIn.getConfidence(), checkIn.getNote(),
				checkIn.getCheckedOn(), checkIn.getRecordedAt());
	}

	private Map<Long, Person> names(List<Long> ids) {
		List<Long> present = ids.stream().filter(java.util.Objects::nonNull).toList();
		return present.isEmpty() ? Map.of() : this.people.byIds(present);
	}

	/** The quarter the date falls in, for pages that default to "now". */
	public Quarter currentQuarter() {
		return Quarter.of(LocalDate.now(this.clock));
	}

	static String lower(String text) {
		return text.toLowerCase(Locale.ROOT);
	}

}
