package io.dualgate.metrics;

/**
 * Where an observation came from.
 */
public enum ObservationSource {

	FORM, CSV, API, POC, DEMO

}
