/**
 * Metrics: definitions of technical and business metrics and their observations per
 * prototype, from forms, CSV uploads and the API.
 */
@ApplicationModule(displayName = "Metrics and evidence",
		allowedDependencies = { "audit", "people", "portfolio", "shared", "web" })
package io.dualgate.metrics;

import org.springframework.modulith.ApplicationModule;
