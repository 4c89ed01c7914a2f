/**
 * POCs: the customer trials of a prototype, owned by its delivery PM; their willingness
 * to pay becomes evidence for the gate.
 */
@ApplicationModule(displayName = "POCs",
		allowedDependencies = { "audit", "metrics", "people", "portfolio", "shared", "web" })
package io.dualgate.poc;

import org.springframework.modulith.ApplicationModule;
