package io.dualgate.portfolio;

import java.time.Instant;

/**
 * A prototype moved to another stage (a gate approved it, or people stopped it).
 */
public record PrototypeStageChanged(long prototypeId, String prototypeKey, String prototypeName, Stage fromStage,
		Stage toStage, String reason, Instant at) {
}
