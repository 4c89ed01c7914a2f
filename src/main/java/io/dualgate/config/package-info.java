/**
 * Cross-cutting configuration: security filter chains, the embedded database, the clock.
 */
@ApplicationModule(displayName = "Configuration", allowedDependencies = { "people", "shared" })
package io.dualgate.config;

import org.springframework.modulith.ApplicationModule;
