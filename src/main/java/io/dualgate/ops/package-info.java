/**
 * Running DualGate on several nodes: housekeeping jobs that run on one node at a time and
 * leave a trace of where and when they ran.
 */
@ApplicationModule(displayName = "Operations", allowedDependencies = { "shared" })
package io.dualgate.ops;

import org.springframework.modulith.ApplicationModule;
