package io.dualgate.portfolio;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One entry of a prototype's stage history.
 */
@Entity
@Table(name = "stage_change")
class StageChange {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "prototype_id", updatable = false)
	private Prototype prototype;

	@Enumerated(EnumType.STRING)
	@Column(updatable = false)
	private Stage fromStage;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private Stage toStage;

	@Column(nullable = false, updatable = false)
	private Instant changedAt;

	@Column(updatable = false)
	private Long changedBy;

	@Column(updatable = false)
	private String reason;

	protected StageChange() {
	}

	StageChange(Prototype prototype, Stage fromStage, Stage toStage, Instant changedAt, Long changedBy, String reason) {
		this.prototype = prototype;
		this.fromStage = fromStage;
		this.toStage = toStage;
		this.changedAt = changedAt;
		this.changedBy = changedBy;
		this.reason = reason;
	}

	StageHistoryEntry toEntry() {
		return new StageHistoryEntry(this.fromStage, this.toStage, this.changedAt, this.changedBy, this.reason);
	}

	Instant getChangedAt() {
		return this.changedAt;
	}

}
