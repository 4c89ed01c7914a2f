package io.dualgate.alignment;

/**
 * How a prototype's weekly means become the series that is paired (see
 * V31__alignment_pairs.sql).
 */
enum Transform {

	/** The mean of the ISO week. */
	LEVEL,
	/** mean(week) - mean(previous week): a rise is positive. */
	GAIN,
	/** mean(previous week) - mean(week): a fall is positive (latency, cycle days). */
	REDUCTION

}
