package io.dualgate.learning.feedback;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.dualgate.audit.AuditLog;
import io.dualgate.gate.Gates;
import io.dualgate.learning.LearningAccess;
import io.dualgate.learning.autonomy.Capabilities;
import io.dualgate.learning.autonomy.CapabilityView;
import io.dualgate.metrics.Metrics;
import io.dualgate.metrics.ObservationSource;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.PrototypeView;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Human feedback on what a prototype's capabilities do: stored once per case id (sent
 * again unchanged: nothing happens; changed: 409 naming both versions), all or nothing
 * per batch; the daily rates it yields become observations of derived metrics; the
 * autonomy ladder judges the capabilities concerned in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class Feedback {

	private final FeedbackStore store;

	private final Capabilities capabilities;

	private final LearningAccess access;

	private final Metrics metrics;

	private final ApplicationEventPublisher events;

	private final AuditLog auditLog;

	private final Clock clock;

	private final Gates gates;

	Feedback(FeedbackStore store, Capabilities capabilities, LearningAccess access, Metrics metrics,
			ApplicationEventPublisher events, AuditLog auditLog, Clock clock, Gates gates) {
		this.gates = gates;
		this.store = store;
		this.capabilities = capabilities;
		this.access = access;
		this.metrics = metrics;
		this.events = events;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * What a batch did.
	 *
	 * @param received cases in the batch
	 * @param stored new cases stored
	 * @param unchanged cases DualGate held already, unchanged
	 */
	public record Result(long received, long stored, long unchanged) {
	}

	/**
	 * Records a batch as it arrived (CSV rows or JSON elements), all or nothing.
	 * @param parseErrors structural errors found while reading the batch
	 * @throws FeedbackRejected with every bad cell
	 * @throws FeedbackConflict when a case id comes again with other content
	 */
	@Transactional
	Result record(String prototypeKey, List<RawCase> rows, List<FeedbackError> parseErrors, AuthenticatedUser by,
			String positionName) {
		// Taken before anything waits for a lock: a level change is judged on evidence
		// received after the previous change.
		Instant receivedAt = this.clock.instant();
		PrototypeView prototype = this.access.writable(prototypeKey, by);
		return record(prototype, rows, parseErrors, (by != null) ? by.id() : null, receivedAt, positionName);
	}

	/** Records cases for the system (demo data), received at {@code receivedAt}. */
	@Transactional
	public Result recordAsSystem(PrototypeView prototype, List<Case> cases, Instant receivedAt) {
		List<RawCase> rows = new ArrayList<>();
		for (int i = 0; i < cases.size(); i++) {
			Case c = cases.get(i);
			rows.add(new RawCase(i, c.caseId(), c.capability(), c.outcome().name(), c.severity().name(), c.reviewer(),
					c.comment(), c.occurredAt().toString()));
		}
		return record(prototype, rows, List.of(), null, receivedAt, "index");
	}

	/** A case as the system states it. */
	public record Case(String caseId, String capability, Outcome outcome, Severity severity, String reviewer,
			String comment, Instant occurredAt) {
	}

	private Result record(PrototypeView prototype, List<RawCase> rows, List<FeedbackError> parseErrors, Long recordedBy,
			Instant receivedAt, String positionName) {
		if (rows.isEmpty() && parseErrors.isEmpty()) {
			throw FeedbackRejected.malformed("feedback.empty");
		}
		Map<String, CapabilityView> known = this.capabilities.byKey(prototype);
		FeedbackValidator validator = new FeedbackValidator(known, receivedAt);
		List<FeedbackError> errors = new ArrayList<>(parseErrors);
		long errorCount = parseErrors.size();
		List<FeedbackCase> valid = new ArrayList<>(rows.size());
		for (RawCase row : rows) {
			int before = errors.size();
			FeedbackCase checked = validator.validate(row, errors);
			errorCount += errors.size() - before;
			if (errors.size() > FeedbackRejected.MAX_REPORTED) {
				errors.subList(FeedbackRejected.MAX_REPORTED, errors.size()).clear();
			}
			if (checked != null) {
				valid.add(checked);
			}
		}
		if (!errors.isEmpty()) {
			throw FeedbackRejected.invalid(errors, errorCount, positionName);
		}
		// The same case twice in one batch: once if alike, a conflict if not.
		Map<String, FeedbackCase> batch = new LinkedHashMap<>();
		List<FeedbackConflict.Conflict> conflicts = new ArrayList<>();
		long conflictCount = 0;
		for (FeedbackCase c : valid) {
			FeedbackCase earlier = batch.putIfAbsent(c.caseId(), c);
			if (earlier != null && !earlier.sameAs(c)) {
				conflictCount++;
				if (conflicts.size() < FeedbackConflict.MAX_REPORTED) {
					conflicts.add(new FeedbackConflict.Conflict(c.line(), c.caseId(), earlier, c));
				}
			}
		}
		Map<String, FeedbackCase> stored = this.store.existing(prototype.id(), batch.keySet());
		List<FeedbackCase> fresh = new ArrayList<>();
		long unchanged = 0;
		for (FeedbackCase c : batch.values()) {
			FeedbackCase held = stored.get(c.caseId());
			if (held == null) {
				fresh.add(c);
			}
			else if (held.sameAs(c)) {
				unchanged++;
			}
			else {
				conflictCount++;
				if (conflicts.size() < FeedbackConflict.MAX_REPORTED) {
					conflicts.add(new FeedbackConflict.Conflict(c.line(), c.caseId(), held, c));
				}
			}
		}
		if (conflictCount > 0) {
			throw new FeedbackConflict(conflicts, conflictCount);
		}
		if (!fresh.isEmpty()) {
			this.store.insert(prototype.id(), fresh, receivedAt, recordedBy);
			deriveDailyRates(prototype, fresh);
			Map<Long, List<String>> critical = new LinkedHashMap<>();
			Set<Long> concerned = new java.util.LinkedHashSet<>();
			for (FeedbackCase c : fresh) {
				concerned.add(c.capabilityId());
				if (c.severity() == Severity.CRITICAL) {
					critical.computeIfAbsent(c.capabilityId(), (id) -> new ArrayList<>()).add(c.caseId());
				}
			}
			this.auditLog.record("FEEDBACK_RECORDED", "prototype", prototype.key(), null,
					AuditLog.values("stored", fresh.size(), "unchanged", unchanged, "capabilities",
							new TreeSet<>(fresh.stream().map(FeedbackCase::capability).toList()), "critical",
							critical.values().stream().mapToInt(List::size).sum()),
					null);
			Map<Long, Instant> seen = new LinkedHashMap<>();
			known.values().forEach((c) -> seen.put(c.id(), c.levelChangedAt()));
			this.events.publishEvent(new FeedbackRecorded(prototype.id(), prototype.key(), List.copyOf(concerned),
					receivedAt, critical, seen));
			// Open gates with items computed from feedback judge them anew.
			this.gates.refreshComputedEvidence(prototype.id());
		}
		return new Result(valid.size(), fresh.size(), unchanged);
	}

	/**
	 * The days the new cases fall on get their rates afresh, per capability and for the
	 * whole prototype, as observations of the derived metrics.
	 */
	private void deriveDailyRates(PrototypeView prototype, List<FeedbackCase> fresh) {
		Set<LocalDate> days = new HashSet<>();
		Set<String> capabilityKeys = new TreeSet<>();
		for (FeedbackCase c : fresh) {
			days.add(LocalDate.ofInstant(c.occurredAt(), ZoneOffset.UTC));
			capabilityKeys.add(c.capability());
		}
		for (String capability : capabilityKeys) {
			for (String base : DerivedMetrics.ALL) {
				this.metrics.defineDerived(DerivedMetrics.definition(base, capability), "FEEDBACK");
			}
		}
		LocalDate first = days.stream().min(LocalDate::compareTo).orElseThrow();
		LocalDate last = days.stream().max(LocalDate::compareTo).orElseThrow();
		List<Metrics.RawObservationInput> observations = new ArrayList<>();
		for (FeedbackDay day : this.store.days(prototype.id(), first, last)) {
			if (!days.contains(day.day())) {
				continue;
			}
			String date = day.day().toString();
			observations.add(observation(prototype, DerivedMetrics.ACCEPTANCE, day.capability(), date,
					day.rate(day.accepted())));
			observations
				.add(observation(prototype, DerivedMetrics.EDITS, day.capability(), date, day.rate(day.edited())));
			observations.add(observation(prototype, DerivedMetrics.REJECTIONS, day.capability(), date,
					day.rate(day.rejected())));
			observations.add(observation(prototype, DerivedMetrics.CRITICAL, day.capability(), date,
					BigDecimal.valueOf(day.critical())));
		}
		this.metrics.recordDerived(observations, ObservationSource.FEEDBACK);
	}

	private static Metrics.RawObservationInput observation(PrototypeView prototype, String base, String capability,
			String date, BigDecimal value) {
		String key = (capability != null) ? DerivedMetrics.of(base, capability) : base;
		return new Metrics.RawObservationInput(prototype.key(), key, date, value.toPlainString());
	}

	// --- the capability page

	/** A capability's last {@code days} days and its latest cases. */
	public record CapabilityFeedback(CapabilityView capability, long cases, List<FeedbackDay> days,
			List<FeedbackCaseView> latest) {
	}

	public CapabilityFeedback of(PrototypeView prototype, String capabilityKey, int days, int latest) {
		CapabilityView capability = this.capabilities.get(prototype, capabilityKey);
		LocalDate from = LocalDate.now(this.clock).minusDays(days - 1L);
		return new CapabilityFeedback(capability, this.store.count(capability.id()),
				this.store.capabilityDays(capability.id(), capability.key(), from),
				this.store.latest(capability.id(), latest));
	}

}
