package io.dualgate.learning.okr;

/**
 * Where an objective (or one key result) stands, by the rule stated on the OKR pages: on
 * track when every key result's progress is within {@value OkrProgress#ON_TRACK_GAP}
 * points of the share of its time elapsed (or met); at risk when one is up to
 * {@value OkrProgress#AT_RISK_GAP} points behind, has no observation yet, or a PM's
 * latest confidence is below {@value OkrProgress#LOW_CONFIDENCE}; off track when one is
 * further behind, or its deadline passed short of its target.
 */
public enum OkrStatus {

	ON_TRACK, AT_RISK, OFF_TRACK;

	/** The worse of two. */
	public OkrStatus worst(OkrStatus other) {
		return (other.ordinal() > ordinal()) ? other : this;
	}

}
