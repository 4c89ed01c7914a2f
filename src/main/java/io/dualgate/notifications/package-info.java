/**
 * Notifications: the in-app inbox and its bell, e-mails in the reader's language (at once
 * or as a daily digest), per-person preferences, and the SLA reminders, overdue notices
 * and escalations of open gates.
 */
@ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "audit", "gate", "gate :: events", "metrics", "people", "portfolio", "shared", "web" })
package io.dualgate.notifications;

import org.springframework.modulith.ApplicationModule;
