package io.dualgate.alignment;

import java.math.BigDecimal;

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
 * A technical metric that should move a business metric, with the transforms that make
 * the two weekly series and the target that decides its status.
 */
@Entity
@Table(name = "alignment_pair")
class AlignmentPair {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private int position;

	@Column(name = "technical_metric")
	private String technicalMetric;

	@Enumerated(EnumType.STRING)
	@Column(name = "technical_transform")
	private Transform technicalTransform;

	@Column(name = "business_metric")
	private String businessMetric;

	@Enumerated(EnumType.STRING)
	@Column(name = "business_transform")
	private Transform businessTransform;

	@Enumerated(EnumType.STRING)
	private PairKind kind;

	@Enumerated(EnumType.STRING)
	@Column(name = "expected_direction")
	private Direction expectedDirection;

	@Column(name = "target_r")
	private BigDecimal targetR;

	@Version
	private long version;

	protected AlignmentPair() {
	}

	AlignmentPair(int position, PairForm form) {
		this.position = position;
		apply(form);
	}

	void apply(PairForm form) {
		this.technicalMetric = form.technicalMetric();
		this.technicalTransform = form.technicalTransform();
		this.businessMetric = form.businessMetric();
		this.businessTransform = form.businessTransform();
		this.kind = form.kind();
		this.expectedDirection = form.expectedDirection();
		this.targetR = form.targetR();
	}

	PairDefinition definition() {
		return new PairDefinition(this.id, this.position, this.technicalMetric, this.technicalTransform,
				this.businessMetric, this.businessTransform, this.kind, this.expectedDirection,
				(this.targetR != null) ? this.targetR.doubleValue() : null, this.version);
	}

	Long getId() {
		return this.id;
	}

	long getVersion() {
		return this.version;
	}

}
