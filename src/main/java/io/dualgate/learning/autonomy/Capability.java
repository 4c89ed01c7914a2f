package io.dualgate.learning.autonomy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A capability of a prototype (clause extraction, risk flagging, ...) and the autonomy it
 * has earned. Its level changes only through {@link Autonomy}: raised by an approved
 * autonomy gate, lowered by the ladder's rules or by hand.
 */
@Entity
@Table(name = "capability")
public class Capability {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private long prototypeId;

	@Column(nullable = false, updatable = false)
	private String key;

	@Column(nullable = false)
	private String name;

	private String description;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private AutonomyLevel level;

	@Column(nullable = false)
	private Instant levelChangedAt;

	/** The ladder's lower bounds (see {@link DemotionPolicy}). */
	@Column(nullable = false)
	private int demotionWindowCases = DemotionPolicy.DEFAULT.windowCases();

	@Column(nullable = false)
	private java.math.BigDecimal demoteDraftBelowPct = DemotionPolicy.DEFAULT.draftBelowPct();

	@Column(nullable = false)
	private java.math.BigDecimal demoteActBelowPct = DemotionPolicy.DEFAULT.actBelowPct();

	@Column(updatable = false)
	private Long createdBy;

	@Column(nullable = false, updatable = false)
	private Instant createdAt;

	@Version
	private long version;

	protected Capability() {
	}

	Capability(long prototypeId, String key, String name, String description, Long createdBy, Instant at) {
		this.prototypeId = prototypeId;
		this.key = key;
		this.name = name;
		this.description = description;
		this.level = AutonomyLevel.SUGGEST;
		this.levelChangedAt = at;
		this.createdBy = createdBy;
		this.createdAt = at;
	}

	public DemotionPolicy policy() {
		return new DemotionPolicy(this.demotionWindowCases, this.demoteDraftBelowPct, this.demoteActBelowPct);
	}

	void setPolicy(DemotionPolicy policy) {
		this.demotionWindowCases = policy.windowCases();
		this.demoteDraftBelowPct = policy.draftBelowPct();
		this.demoteActBelowPct = policy.actBelowPct();
	}

	/** Moves to another level; the ladder has checked that the move is allowed. */
	void moveTo(AutonomyLevel level, Instant at) {
		this.level = level;
		this.levelChangedAt = at;
	}

	public Long getId() {
		return this.id;
	}

	public long getPrototypeId() {
		return this.prototypeId;
	}

	public String getKey() {
		return this.key;
	}

	public String getName() {
		return this.name;
	}

	public String getDescription() {
		return this.description;
	}

	public AutonomyLevel getLevel() {
		return this.level;
	}

	public Instant getLevelChangedAt() {
		return this.levelChangedAt;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public long getVersion() {
		return this.version;
	}

}
