package io.dualgate.portfolio;

import java.time.Instant;

/**
 * A stage change as other modules and the API see it.
 */
public record StageHistoryEntry(Stage fromStage, Stage toStage, Instant changedAt, Long changedBy, String reason) {
}
