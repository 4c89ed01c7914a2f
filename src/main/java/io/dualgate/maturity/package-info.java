/**
 * The AGI commercialisation maturity matrix: dated assessments of three dimensions at
 * three levels, kept as history, and the "fake dual track" warning.
 */
@ApplicationModule(displayName = "Maturity matrix",
		allowedDependencies = { "audit", "people", "portfolio", "shared", "web" })
package io.dualgate.maturity;

import org.springframework.modulith.ApplicationModule;
