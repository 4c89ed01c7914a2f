package io.dualgate.gate;

import java.time.Instant;

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

/**
 * An electronic signature of one track of one gate. Never edited or deleted: when what it
 * signed changes, it is flagged invalid (with time, who and why) and kept.
 */
@Entity
@Table(name = "gate_signature")
class Signature {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "gate_id", updatable = false)
	private Gate gate;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private Track track;

	@Column(nullable = false, updatable = false)
	private long signerId;

	@Column(nullable = false, updatable = false)
	private String signerName;

	@Column(nullable = false, updatable = false)
	private Instant signedAt;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private Meaning meaning;

	@Column(nullable = false, updatable = false)
	private String meaningText;

	@Column(updatable = false)
	private String reason;

	@Column(nullable = false, updatable = false)
	private long templateId;

	@Column(nullable = false, updatable = false)
	private int templateVersion;

	@Column(nullable = false, updatable = false)
	private String contentHash;

	/**
	 * The canonical form {@link #contentHash} was computed with (see CanonicalAnswers).
	 */
	@Column(nullable = false, updatable = false)
	private int hashVersion = CanonicalAnswers.CURRENT;

	/** The person this signature was given for under a delegation, or null. */
	@Column(updatable = false)
	private Long onBehalfOfId;

	@Column(updatable = false)
	private String onBehalfOfName;

	@Column(updatable = false)
	private Long delegationId;

	@Column(updatable = false)
	private String delegationReason;

	/** How the signer authenticated for this signature (V144; older rows: PASSWORD). */
	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private SignatureMethod.Kind authMethod = SignatureMethod.Kind.PASSWORD;

	@Column(updatable = false)
	private String authIssuer;

	@Column(updatable = false)
	private Instant authTime;

	private boolean valid = true;

	private Instant invalidatedAt;

	private String invalidatedBy;

	private String invalidationReason;

	protected Signature() {
	}

	Signature(Gate gate, Track track, Actor signer, Instant signedAt, Meaning meaning, String meaningText,
			String reason, long templateId, int templateVersion, String contentHash, TrackOwners.Capacity capacity,
			SignatureMethod method) {
		this.gate = gate;
		this.authMethod = method.kind();
		this.authIssuer = method.issuer();
		this.authTime = method.authTime();
		if (capacity != null && !capacity.direct()) {
			this.onBehalfOfId = capacity.delegation().delegatorId();
			this.onBehalfOfName = capacity.delegation().delegatorName();
			this.delegationId = capacity.delegation().id();
			String why = capacity.delegation().reason();
			this.delegationReason = (why != null && why.length() > 500) ? why.substring(0, 500) : why;
		}
		this.track = track;
		this.signerId = signer.id();
		this.signerName = signer.fullName();
		this.signedAt = signedAt;
		this.meaning = meaning;
		this.meaningText = meaningText;
		this.reason = reason;
		this.templateId = templateId;
		this.templateVersion = templateVersion;
		this.contentHash = contentHash;
	}

	void invalidate(Instant at, String by, String why) {
		this.valid = false;
		this.invalidatedAt = at;
		this.invalidatedBy = by;
		this.invalidationReason = (why.length() > 500) ? why.substring(0, 500) : why;
	}

	boolean isValidApproval() {
		return this.valid && this.meaning == Meaning.APPROVE;
	}

	/**
	 * The signature as pages show it; {@code recompute} gives the track's hash now in a
	 * given canonical form version, and this signature is checked against its own.
	 */
	SignatureView toView(java.util.function.IntFunction<String> recompute) {
		return new SignatureView(this.id, this.track, this.signerId, this.signerName, this.signedAt, this.meaning,
				this.meaningText, this.reason, this.templateVersion, this.contentHash, this.valid, this.invalidatedAt,
				this.invalidatedBy, this.invalidationReason, this.contentHash.equals(recompute.apply(this.hashVersion)),
				this.onBehalfOfId, this.onBehalfOfName, this.delegationId, this.delegationReason, this.hashVersion,
				new SignatureMethod(this.authMethod, this.authIssuer, this.authTime));
	}

	SignatureView toView(String currentHash) {
		return toView((version) -> currentHash);
	}

	int getHashVersion() {
		return this.hashVersion;
	}

	Long getId() {
		return this.id;
	}

	Track getTrack() {
		return this.track;
	}

	long getSignerId() {
		return this.signerId;
	}

	Long getOnBehalfOfId() {
		return this.onBehalfOfId;
	}

	Long getDelegationId() {
		return this.delegationId;
	}

	String getSignerName() {
		return this.signerName;
	}

	Meaning getMeaning() {
		return this.meaning;
	}

	boolean isValid() {
		return this.valid;
	}

	String getContentHash() {
		return this.contentHash;
	}

	Instant getSignedAt() {
		return this.signedAt;
	}

}
