/**
 * The learning loop: shared OKRs with each track's own scorecard, value maps from a
 * capability metric to money, human feedback and its derived rates, the autonomy ladder
 * (raised through a dual-sign autonomy gate, lowered automatically), eval results from
 * CI, and guard thresholds that freeze releases.
 */
@ApplicationModule(displayName = "Learning loop", allowedDependencies = { "alignment", "audit", "gate",
		"gate :: events", "metrics", "notifications", "people", "portfolio", "shared", "web" })
package io.dualgate.learning;

import org.springframework.modulith.ApplicationModule;
