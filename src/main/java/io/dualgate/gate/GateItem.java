package io.dualgate.gate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.dualgate.gate.checklist.Answer;
import io.dualgate.gate.checklist.ChecklistRule;
import io.dualgate.gate.checklist.Comparison;
import io.dualgate.gate.checklist.FrameworkRef;
import io.dualgate.gate.checklist.FrameworkRefs;
import io.dualgate.gate.checklist.ItemKind;
import io.dualgate.gate.checklist.ItemSpec;
import io.dualgate.gate.checklist.ValueRange;
import io.dualgate.gate.checklist.Verdict;
import io.dualgate.shared.Decimals;
import io.dualgate.shared.InvalidFieldException;
import io.dualgate.shared.NumberRefused;
import io.dualgate.shared.WebLinks;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One checklist item of a gate: a copy of the template's item and its current answer.
 * Part of the {@link Gate} aggregate; changed only through it.
 */
@Entity
@Table(name = "gate_item")
class GateItem {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "gate_id")
	private Gate gate;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private Track track;

	private int position;

	private String code;

	private String label;

	@Enumerated(EnumType.STRING)
	private ItemKind kind;

	private String unit;

	private String comparator;

	private BigDecimal threshold;

	private boolean blocking;

	private String metricKey;

	/** A computed item's least number of cases (or runs), window and subject. */
	private Integer minCount;

	private Integer windowDays;

	private String param;

	/** How many cases (or runs) a computed value rests on, and the latest one's time. */
	private Long computedCount;

	private Instant computedAsOf;

	private String labelZh;

	private String helpEn;

	private String helpZh;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "framework_refs", columnDefinition = "varchar(48)[]", updatable = false)
	private List<String> frameworkRefs = new ArrayList<>();

	private Boolean answerYes;

	private BigDecimal answerValue;

	private String evidenceUrl;

	private Long answeredBy;

	private Instant answeredAt;

	private String answerSource;

	private LocalDate evidenceDate;

	/** The last day the linked evidence holds, if it is dated. */
	private LocalDate evidenceValidUntil;

	/**
	 * Set once the evidence's date passed: the item fails until new evidence is given.
	 */
	private LocalDate evidenceExpiredOn;

	private int revision;

	protected GateItem() {
	}

	GateItem(Gate gate, Track track, int position, ItemSpec spec) {
		this.gate = gate;
		this.track = track;
		this.position = position;
		this.code = spec.code();
		this.label = spec.label();
		this.kind = spec.kind();
		this.unit = spec.unit();
		this.comparator = (spec.comparison() != null) ? spec.comparison().symbol() : null;
		this.threshold = spec.threshold();
		this.blocking = spec.blocking();
		this.metricKey = spec.metricKey();
		this.minCount = spec.minCount();
		this.windowDays = spec.windowDays();
		this.param = spec.param();
		this.labelZh = spec.labelZh();
		this.helpEn = spec.helpEn();
		this.helpZh = spec.helpZh();
		this.frameworkRefs = new ArrayList<>(spec.references().stream().map(FrameworkRef::key).toList());
	}

	ItemSpec spec() {
		return new ItemSpec(this.code, this.label, this.kind, this.unit,
				Comparison.fromSymbol(this.comparator).orElse(null), this.threshold, this.blocking, this.metricKey,
				this.minCount, this.windowDays, this.param, this.labelZh, this.helpEn, this.helpZh,
				FrameworkRefs.read(this.frameworkRefs));
	}

	boolean isComputed() {
		return this.kind == ItemKind.COMPUTED;
	}

	/** The verdict a new reading would give a computed item. */
	Verdict verdictFor(ComputedEvidence.Reading reading) {
		return ChecklistRule.evaluateComputed(spec(), (reading != null) ? reading.value() : null,
				(reading != null) ? reading.count() : null);
	}

	/**
	 * Stores what the computation found now ({@code null}: no data at all).
	 * @return whether the value or its basis changed
	 */
	boolean recordComputed(ComputedEvidence.Reading reading, Instant at) {
		BigDecimal value = (reading != null && reading.value() != null)
				? new BigDecimal(reading.value().stripTrailingZeros().toPlainString()) : null;
		Long count = (reading != null) ? reading.count() : null;
		Instant asOf = (reading != null) ? reading.asOf() : null;
		boolean changed = this.answeredAt == null
				|| !java.util.Objects.equals((this.answerValue != null) ? this.answerValue.stripTrailingZeros() : null,
						(value != null) ? value.stripTrailingZeros() : null)
				|| !java.util.Objects.equals(this.computedCount, count);
		this.answerValue = value;
		this.computedCount = count;
		this.computedAsOf = asOf;
		this.answeredBy = null;
		this.answeredAt = at;
		this.answerSource = "computed:" + this.metricKey;
		this.evidenceDate = (asOf != null) ? LocalDate.ofInstant(asOf, java.time.ZoneOffset.UTC) : null;
		if (changed) {
			this.revision++;
		}
		return changed;
	}

	Long getComputedCount() {
		return this.computedCount;
	}

	Instant getComputedAsOf() {
		return this.computedAsOf;
	}

	Answer answer() {
		if (this.answeredAt == null) {
			return null;
		}
		return new Answer(this.answerYes, this.answerValue, this.evidenceUrl, this.evidenceValidUntil);
	}

	/** Expired evidence fails, whatever it said. */
	Verdict verdict() {
		if (this.evidenceExpiredOn != null) {
			return Verdict.FAIL;
		}
		if (isComputed()) {
			return ChecklistRule.evaluateComputed(spec(), this.answerValue, this.computedCount);
		}
		return ChecklistRule.evaluate(spec(), answer());
	}

	Verdict verdictFor(Answer answer) {
		return ChecklistRule.evaluate(spec(), answer);
	}

	/**
	 * Refuses what this item cannot hold, naming the field: a link that is not http(s), a
	 * value beyond the column, or outside the range of the metric the item is bound to
	 * (the same range observations of that metric must keep).
	 */
	void check(Answer answer, ValueRange range) {
		WebLinks.require("evidenceUrl", answer.evidenceUrl());
		if (this.kind != ItemKind.MEASURE || answer.value() == null) {
			return;
		}
		BigDecimal value;
		try {
			value = Decimals.check(answer.value(), Decimals.MEASURE);
		}
		catch (NumberRefused ex) {
			throw ex.in("value");
		}
		if (!range.contains(value)) {
			throw new InvalidFieldException("value", "gate.answer.value.outOfRange", plain(value), this.metricKey,
					plain(range.min()), plain(range.max()));
		}
	}

	/** Only for values already checked against a column (short by construction). */
	private static String plain(BigDecimal value) {
		return (value != null) ? value.stripTrailingZeros().toPlainString() : "-";
	}

	/**
	 * Stores an answer; returns whether anything that is signed changed.
	 */
	boolean record(Answer answer, Long by, Instant at, String source, LocalDate evidenceDate) {
		Answer normalised = normalise(answer);
		// Compare normalised forms: the database hands 99.97 back as 99.970000.
		Answer stored = answer();
		boolean changed = !Objects.equals(normalised, (stored != null) ? normalise(stored) : null);
		this.answerYes = normalised.yes();
		this.answerValue = normalised.value();
		this.evidenceUrl = normalised.evidenceUrl();
		this.evidenceValidUntil = (normalised.evidenceUrl() != null) ? normalised.validUntil() : null;
		// New evidence (or a new date) is judged afresh.
		this.evidenceExpiredOn = null;
		this.answeredBy = by;
		this.answeredAt = at;
		this.answerSource = source;
		this.evidenceDate = evidenceDate;
		this.revision++;
		return changed;
	}

	/**
	 * Keeps only the field that belongs to the kind, so that the hash has one spelling.
	 */
	private Answer normalise(Answer answer) {
		String url = (answer.evidenceUrl() != null && !answer.evidenceUrl().isBlank()) ? answer.evidenceUrl().strip()
				: null;
		java.time.LocalDate until = (url != null) ? answer.validUntil() : null;
		return switch (this.kind) {
			case ATTESTATION -> new Answer(answer.yes(), null, url, until);
			case MEASURE -> new Answer(null, (answer.value() != null)
					? new BigDecimal(answer.value().stripTrailingZeros().toPlainString()) : null, url, until);
			case EVIDENCE_LINK -> new Answer(null, null, url, until);
			case COMPUTED -> new Answer(null, answer.value(), null, null);
		};
	}

	/** A short, stable rendering of the answer for the audit trail and the hash. */
	String answerText() {
		Answer answer = answer();
		if (answer == null) {
			return "unanswered";
		}
		if (isComputed()) {
			return (this.answerValue == null) ? "no data" : this.answerValue.stripTrailingZeros().toPlainString() + " "
					+ this.unit + " (n=" + this.computedCount + ")";
		}
		StringBuilder text = new StringBuilder();
		if (answer.yes() != null) {
			text.append(answer.yes() ? "yes" : "no");
		}
		if (answer.value() != null) {
			text.append(answer.value().stripTrailingZeros().toPlainString());
		}
		if (answer.evidenceUrl() != null) {
			text.append((text.length() > 0) ? " " : "").append(answer.evidenceUrl());
		}
		if (answer.validUntil() != null) {
			text.append(" (valid until ").append(answer.validUntil()).append(')');
		}
		return text.toString();
	}

	/**
	 * Whether the evidence's last valid day is before {@code today} and its expiry not
	 * yet recorded.
	 */
	boolean evidenceLapsed(LocalDate today) {
		return this.evidenceValidUntil != null && this.evidenceExpiredOn == null
				&& this.evidenceValidUntil.isBefore(today);
	}

	/** Marks the evidence expired: the item fails until new evidence is given. */
	boolean expire(LocalDate on) {
		if (this.evidenceExpiredOn != null || this.evidenceUrl == null) {
			return false;
		}
		this.evidenceExpiredOn = on;
		this.revision++;
		return true;
	}

	String getEvidenceUrl() {
		return this.evidenceUrl;
	}

	LocalDate getEvidenceValidUntil() {
		return this.evidenceValidUntil;
	}

	LocalDate getEvidenceExpiredOn() {
		return this.evidenceExpiredOn;
	}

	Long getId() {
		return this.id;
	}

	Gate getGate() {
		return this.gate;
	}

	Track getTrack() {
		return this.track;
	}

	int getPosition() {
		return this.position;
	}

	String getCode() {
		return this.code;
	}

	String getMetricKey() {
		return this.metricKey;
	}

	Long getAnsweredBy() {
		return this.answeredBy;
	}

	Instant getAnsweredAt() {
		return this.answeredAt;
	}

	String getAnswerSource() {
		return this.answerSource;
	}

	LocalDate getEvidenceDate() {
		return this.evidenceDate;
	}

	int getRevision() {
		return this.revision;
	}

	boolean isBlocking() {
		return this.blocking;
	}

}
