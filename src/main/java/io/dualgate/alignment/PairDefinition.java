package io.dualgate.alignment;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A pair as the dashboard and the API read it.
 *
 * @param targetR minimum r in the expected direction, or {@code null} when a significant
 * slope in that direction is the target
 */
record PairDefinition(long id, int position, String technicalMetric, Transform technicalTransform,
		String businessMetric, Transform businessTransform, PairKind kind, Direction expectedDirection, Double targetR,
		long version) {

	@JsonProperty("technicalSeries")
	public String technicalLabel() {
		return label(this.technicalTransform, this.technicalMetric);
	}

	@JsonProperty("businessSeries")
	public String businessLabel() {
		return label(this.businessTransform, this.businessMetric);
	}

	private static String label(Transform transform, String metric) {
		return switch (transform) {
			case LEVEL -> metric;
			case GAIN -> "gain in " + metric;
			case REDUCTION -> "reduction of " + metric;
		};
	}

}
