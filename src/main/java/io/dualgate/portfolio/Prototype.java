package io.dualgate.portfolio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

/**
 * An AI prototype on its way from the lab to paying customers. Its stage only moves
 * through {@link #advanceTo} (a dual-sign gate) or {@link #kill}; every move is kept in
 * the history.
 */
@Entity
@Table(name = "prototype")
class Prototype {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private String key;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private String problemStatement;

	@Column(nullable = false)
	private String vertical;

	@Column(nullable = false)
	private Long explorationPmId;

	@Column(nullable = false)
	private Long deliveryPmId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Stage stage;

	@Column(nullable = false, updatable = false)
	private Instant createdAt;

	@Column(updatable = false)
	private Long createdBy;

	@Version
	private long version;

	@OneToMany(mappedBy = "prototype", cascade = CascadeType.PERSIST)
	@OrderBy("changedAt")
	private List<StageChange> history = new ArrayList<>();

	protected Prototype() {
	}

	Prototype(String key, String name, String problemStatement, String vertical, Long explorationPmId,
			Long deliveryPmId, Instant createdAt, Long createdBy) {
		this.key = key;
		this.name = name;
		this.problemStatement = problemStatement;
		this.vertical = vertical;
		this.explorationPmId = explorationPmId;
		this.deliveryPmId = deliveryPmId;
		this.stage = Stage.PROTOTYPE;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
		this.history.add(new StageChange(this, null, Stage.PROTOTYPE, createdAt, createdBy, "registered"));
	}

	void describe(String name, String problemStatement, String vertical, Long explorationPmId, Long deliveryPmId) {
		this.name = name;
		this.problemStatement = problemStatement;
		this.vertical = vertical;
		this.explorationPmId = explorationPmId;
		this.deliveryPmId = deliveryPmId;
	}

	/**
	 * Moves to the next stage. Refuses anything but the one stage that follows the
	 * current one, so an approval that arrives twice cannot advance twice.
	 */
	void advanceTo(Stage expectedFrom, Stage to, Instant at, Long by, String reason) {
		if (this.stage != expectedFrom || this.stage.next().filter(to::equals).isEmpty()) {
			throw new RuleViolationException("prototype.stage.cannotAdvance", this.key, this.stage, to);
		}
		this.history.add(new StageChange(this, this.stage, to, at, by, reason));
		this.stage = to;
	}

	void kill(Instant at, Long by, String reason) {
		if (this.stage == Stage.KILLED || this.stage == Stage.PRODUCTION) {
			throw new RuleViolationException("prototype.stage.cannotKill", this.key, this.stage);
		}
		this.history.add(new StageChange(this, this.stage, Stage.KILLED, at, by, reason));
		this.stage = Stage.KILLED;
	}

	PrototypeView toView() {
		return new PrototypeView(this.id, this.key, this.name, this.problemStatement, this.vertical,
				this.explorationPmId, this.deliveryPmId, this.stage, this.createdAt, this.version,
				this.history.stream()
					.sorted(Comparator.comparing(StageChange::getChangedAt))
					.map(StageChange::toEntry)
					.toList());
	}

	Long getId() {
		return this.id;
	}

	String getKey() {
		return this.key;
	}

	Stage getStage() {
		return this.stage;
	}

	long getVersion() {
		return this.version;
	}

	Long getExplorationPmId() {
		return this.explorationPmId;
	}

	Long getDeliveryPmId() {
		return this.deliveryPmId;
	}

}
