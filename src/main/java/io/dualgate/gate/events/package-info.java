/**
 * What happens to a gate, as events other modules may listen to (notifications, webhooks,
 * the portfolio): opened, answered, signed, invalidated, approved, rejected.
 */
@NamedInterface("events")
package io.dualgate.gate.events;

import org.springframework.modulith.NamedInterface;
