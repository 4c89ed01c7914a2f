package io.dualgate.metrics;

import java.time.Instant;

/**
 * A prototype's kill criterion is met (the stage stays: people decide). Its PMs are told.
 */
public record KillCriterionMet(long criterionId, long prototypeId, String prototypeKey, String prototypeName,
		String rule, Instant at) {
}
