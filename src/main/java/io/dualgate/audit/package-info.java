/**
 * The append-only, hash-chained audit trail: every state change writes one row in the
 * same transaction, and the chain can be verified at any time.
 */
package io.dualgate.audit;
