/**
 * The append-only, hash-chained audit trail: every state change writes one row in the
 * same transaction, and the chain can be verified at any time.
 */
@ApplicationModule(displayName = "Audit trail", allowedDependencies = { "shared", "web" })
package io.dualgate.audit;

import org.springframework.modulith.ApplicationModule;
