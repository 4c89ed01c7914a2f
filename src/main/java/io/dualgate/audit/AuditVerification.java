package io.dualgate.audit;

/**
 * The result of verifying the chain.
 *
 * @param events how many rows were checked
 * @param intact whether every row matches its hash and links to its predecessor
 * @param firstBrokenSeq the first row that does not, or {@code null}
 */
public record AuditVerification(long events, boolean intact, Long firstBrokenSeq) {
}
