/**
 * Metrics: definitions of technical and business metrics and their observations per
 * prototype, from forms, CSV uploads and the API.
 */
package io.dualgate.metrics;
