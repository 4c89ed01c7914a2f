/**
 * People: accounts, roles, reporting lines, login, lock-out, personal API tokens and the
 * admin screens that manage them.
 */
@ApplicationModule(displayName = "People", allowedDependencies = { "audit", "shared", "web" })
package io.dualgate.people;

import org.springframework.modulith.ApplicationModule;
