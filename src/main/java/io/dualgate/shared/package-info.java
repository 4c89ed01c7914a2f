/**
 * Shared kernel: the few exception types every module throws and the web layer maps to
 * HTTP.
 */
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
package io.dualgate.shared;

import org.springframework.modulith.ApplicationModule;
