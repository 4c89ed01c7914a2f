/**
 * Portfolio: prototypes, the stage each one is in and the history of how it got there.
 */
@ApplicationModule(displayName = "Portfolio", allowedDependencies = { "audit", "people", "shared", "web" })
package io.dualgate.portfolio;

import org.springframework.modulith.ApplicationModule;
