/**
 * The web shell: layout, language, home page and the mapping of domain errors to pages
 * and problem details.
 */
@ApplicationModule(displayName = "Web shell", allowedDependencies = { "shared" })
package io.dualgate.web;

import org.springframework.modulith.ApplicationModule;
