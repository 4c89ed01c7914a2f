/**
 * The framework template library: the catalogue of ISO/IEC 42001 Annex A, EU AI Act and
 * NIST AI RMF controls (ids and short titles), which frameworks apply to the
 * organisation, starter checklist templates that cite them, per-prototype coverage and
 * applicability, and the crosswalk between frameworks.
 */
@ApplicationModule(displayName = "Framework library", allowedDependencies = { "audit", "gate", "gate :: checklist",
		"gate :: templates", "people", "portfolio", "shared", "web" })
package io.dualgate.frameworks;

import org.springframework.modulith.ApplicationModule;
