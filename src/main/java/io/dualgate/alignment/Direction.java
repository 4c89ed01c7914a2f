package io.dualgate.alignment;

/**
 * The sign of the relation the business expects between the technical and the business
 * series.
 */
enum Direction {

	POSITIVE, NEGATIVE;

	int sign() {
		return (this == POSITIVE) ? 1 : -1;
	}

}
