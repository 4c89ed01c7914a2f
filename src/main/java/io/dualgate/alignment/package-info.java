/**
 * The executive alignment dashboard: technical vs business metric pairs, portfolio flow,
 * exports.
 */
@ApplicationModule(displayName = "Alignment dashboard",
		allowedDependencies = { "audit", "gate", "notifications", "portfolio", "shared", "web" })
package io.dualgate.alignment;

import org.springframework.modulith.ApplicationModule;
