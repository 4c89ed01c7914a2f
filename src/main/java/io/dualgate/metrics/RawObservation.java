package io.dualgate.metrics;

/**
 * One observation as it arrived (form field, CSV row or JSON element), not yet validated.
 *
 * @param line CSV line number or JSON array index
 */
record RawObservation(long line, String prototype, String metric, String date, String value) {
}
