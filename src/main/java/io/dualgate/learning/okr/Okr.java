package io.dualgate.learning.okr;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.dualgate.gate.Track;
import io.dualgate.learning.Quarter;
import io.dualgate.shared.InvalidFieldException;
import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * A shared objective of one prototype for one quarter, with key results each bound to a
 * metric and owned by one track, and the check-ins of each PM. Key results are fixed once
 * stated; check-ins are appended, never changed.
 */
@Entity
@Table(name = "okr")
public class Okr {

	/** Enough key results for one objective. */
	public static final int MAX_KEY_RESULTS = 5;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private long prototypeId;

	@Column(nullable = false, updatable = false)
	private String period;

	@Column(nullable = false, updatable = false)
	private String objective;

	@Column(nullable = false, updatable = false)
	private long createdBy;

	@Column(nullable = false, updatable = false)
	private Instant createdAt;

	@OneToMany(mappedBy = "okr", cascade = CascadeType.ALL)
	@OrderBy("position")
	private List<KeyResult> keyResults = new ArrayList<>();

	@OneToMany(mappedBy = "okr", cascade = CascadeType.ALL)
	@OrderBy("checkedOn desc, id desc")
	private List<CheckIn> checkIns = new ArrayList<>();

	protected Okr() {
	}

	/**
	 * A key result as stated: a metric, where it starts, where it should be (and may
	 * reach), by when, and which track answers for it.
	 */
	public record KeyResultSpec(String metricKey, BigDecimal baseline, BigDecimal target, BigDecimal stretch,
			String unit, LocalDate deadline, Track track) {
	}

	/**
	 * States an objective with its key results. Each key result's target differs from its
	 * baseline, its stretch (if any) lies beyond the target, and its deadline falls in
	 * the quarter.
	 */
	static Okr state(long prototypeId, Quarter period, String objective, List<KeyResultSpec> keyResults, long createdBy,
			Instant at) {
		if (keyResults.isEmpty()) {
			throw new InvalidFieldException("keyResults", "okr.keyResults.required");
		}
		if (keyResults.size() > MAX_KEY_RESULTS) {
			throw new InvalidFieldException("keyResults", "okr.keyResults.tooMany", MAX_KEY_RESULTS);
		}
		Okr okr = new Okr();
		okr.prototypeId = prototypeId;
		okr.period = period.toString();
		okr.objective = objective;
		okr.createdBy = createdBy;
		okr.createdAt = at;
		int position = 0;
		for (KeyResultSpec spec : keyResults) {
			String path = "keyResults[" + position + "].";
			if (spec.target().compareTo(spec.baseline()) == 0) {
				throw new InvalidFieldException(path + "target", "okr.target.equalsBaseline");
			}
			if (spec.stretch() != null) {
				boolean rising = spec.target().compareTo(spec.baseline()) > 0;
				int beyond = spec.stretch().compareTo(spec.target());
				if ((rising && beyond <= 0) || (!rising && beyond >= 0)) {
					throw new InvalidFieldException(path + "stretch", "okr.stretch.notBeyondTarget");
				}
			}
			if (!period.contains(spec.deadline())) {
				throw new InvalidFieldException(path + "deadline", "okr.deadline.outsidePeriod", spec.deadline(),
						period.toString());
			}
			okr.keyResults.add(new KeyResult(okr, ++position, spec));
		}
		return okr;
	}

	/**
	 * A PM's check-in for their track: how confident they are (0-10) that the objective
	 * will be met, and why.
	 */
	CheckIn checkIn(Track track, long authorId, Long onBehalfOfId, int confidence, String note, LocalDate checkedOn,
			Instant at) {
		if (confidence < 0 || confidence > 10) {
			throw new InvalidFieldException("confidence", "okr.confidence.range");
		}
		LocalDate today = LocalDate.ofInstant(at, java.time.ZoneOffset.UTC);
		if (checkedOn.isAfter(today)) {
			throw new InvalidFieldException("date", "okr.checkIn.future", checkedOn);
		}
		if (checkedOn.isBefore(quarter().start().minusDays(31))) {
			throw new InvalidFieldException("date", "okr.checkIn.beforePeriod", checkedOn, this.period);
		}
		CheckIn checkIn = new CheckIn(this, track, authorId, onBehalfOfId, confidence, note, checkedOn, at);
		this.checkIns.add(0, checkIn);
		return checkIn;
	}

	/** The latest check-in of a track, if any. */
	Optional<CheckIn> latest(Track track) {
		return this.checkIns.stream()
			.filter((c) -> c.getTrack() == track)
			.max(java.util.Comparator.comparing(CheckIn::getCheckedOn).thenComparing(CheckIn::getRecordedAt));
	}

	public Quarter quarter() {
		return Quarter.parse(this.period, "period");
	}

	public Long getId() {
		return this.id;
	}

	public long getPrototypeId() {
		return this.prototypeId;
	}

	public String getPeriod() {
		return this.period;
	}

	public String getObjective() {
		return this.objective;
	}

	public long getCreatedBy() {
		return this.createdBy;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public List<KeyResult> getKeyResults() {
		return this.keyResults;
	}

	public List<CheckIn> getCheckIns() {
		return this.checkIns;
	}

	/** One key result of an objective; part of the {@link Okr} aggregate. */
	@Entity
	@Table(name = "okr_key_result")
	public static class KeyResult {

		@Id
		@GeneratedValue(strategy = GenerationType.IDENTITY)
		private Long id;

		@ManyToOne(fetch = FetchType.LAZY, optional = false)
		@JoinColumn(name = "okr_id", updatable = false)
		private Okr okr;

		@Column(nullable = false, updatable = false)
		private int position;

		@Column(nullable = false, updatable = false)
		private String metricKey;

		@Column(nullable = false, updatable = false)
		private BigDecimal baseline;

		@Column(nullable = false, updatable = false)
		private BigDecimal target;

		@Column(updatable = false)
		private BigDecimal stretch;

		@Column(nullable = false, updatable = false)
		private String unit;

		@Column(nullable = false, updatable = false)
		private LocalDate deadline;

		@Enumerated(EnumType.STRING)
		@Column(nullable = false, updatable = false)
		private Track ownerTrack;

		protected KeyResult() {
		}

		KeyResult(Okr okr, int position, KeyResultSpec spec) {
			this.okr = okr;
			this.position = position;
			this.metricKey = spec.metricKey();
			this.baseline = spec.baseline();
			this.target = spec.target();
			this.stretch = spec.stretch();
			this.unit = spec.unit();
			this.deadline = spec.deadline();
			this.ownerTrack = spec.track();
		}

		public Long getId() {
			return this.id;
		}

		public int getPosition() {
			return this.position;
		}

		public String getMetricKey() {
			return this.metricKey;
		}

		public BigDecimal getBaseline() {
			return this.baseline;
		}

		public BigDecimal getTarget() {
			return this.target;
		}

		public BigDecimal getStretch() {
			return this.stretch;
		}

		public String getUnit() {
			return this.unit;
		}

		public LocalDate getDeadline() {
			return this.deadline;
		}

		public Track getOwnerTrack() {
			return this.ownerTrack;
		}

	}

	/** A PM's check-in; part of the {@link Okr} aggregate, never changed. */
	@Entity
	@Table(name = "okr_check_in")
	public static class CheckIn {

		@Id
		@GeneratedValue(strategy = GenerationType.IDENTITY)
		private Long id;

		@ManyToOne(fetch = FetchType.LAZY, optional = false)
		@JoinColumn(name = "okr_id", updatable = false)
		private Okr okr;

		@Enumerated(EnumType.STRING)
		@Column(nullable = false, updatable = false)
		private Track track;

		@Column(nullable = false, updatable = false)
		private long authorId;

		@Column(updatable = false)
		private Long onBehalfOfId;

		@Column(nullable = false, updatable = false)
		private int confidence;

		@Column(updatable = false)
		private String note;

		@Column(nullable = false, updatable = false)
		private LocalDate checkedOn;

		@Column(nullable = false, updatable = false)
		private Instant recordedAt;

		protected CheckIn() {
		}

		CheckIn(Okr okr, Track track, long authorId, Long onBehalfOfId, int confidence, String note,
				LocalDate checkedOn, Instant recordedAt) {
			this.okr = okr;
			this.track = track;
			this.authorId = authorId;
			this.onBehalfOfId = onBehalfOfId;
			this.confidence = confidence;
			this.note = note;
			this.checkedOn = checkedOn;
			this.recordedAt = recordedAt;
		}

		public Long getId() {
			return this.id;
		}

		public Track getTrack() {
			return this.track;
		}

		public long getAuthorId() {
			return this.authorId;
		}

		public Long getOnBehalfOfId() {
			return this.onBehalfOfId;
		}

		public int getConfidence() {
			return this.confidence;
		}

		public String getNote() {
			return this.note;
		}

		public LocalDate getCheckedOn() {
			return this.checkedOn;
		}

		public Instant getRecordedAt() {
			return this.recordedAt;
		}

	}

}
