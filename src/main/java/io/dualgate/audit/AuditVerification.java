package io.dualgate.audit;

/**
 * The result of verifying the chain.
 *
 * @param events how many rows were checked
 * @param intact whether every row matches its hash and links to its predecessor
 * @param firstBrokenSeq the first row that does not, or {@code null}
 * @param headHash the hash of the newest row (compare it with an export's manifest), or
 * {@code null} when the trail is empty
 */
public record AuditVerification(long events, boolean intact, Long firstBrokenSeq, String headHash) {
}
