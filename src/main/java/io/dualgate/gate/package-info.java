/**
 * The dual-sign gate: versioned checklist templates, gates with two tracks, signatures,
 * the separation-of-duties rules and the SLA clock.
 */
@ApplicationModule(displayName = "Dual-sign gate",
		allowedDependencies = { "audit", "metrics", "people", "portfolio", "shared", "web" })
package io.dualgate.gate;

import org.springframework.modulith.ApplicationModule;
