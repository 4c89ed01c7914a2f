package io.dualgate.portfolio;

import java.time.LocalDate;

/**
 * A dated piece of a prototype's evidence passed its last valid day (a gate item's link,
 * a POC's data-sovereignty agreement). Whoever cites the same link treats it as expired
 * too; its owner is told.
 *
 * @param reference what expired, stable across retries (e.g. {@code poc-agreement:7})
 * @param label what it is, for people (an item code, "data-sovereignty agreement")
 * @param link the evidence's URL
 * @param ownerId who gave the evidence, if known
 * @param path where to look at it in DualGate
 */
public record EvidenceExpired(long prototypeId, String reference, String label, String link, LocalDate validUntil,
		Long ownerId, String path) {
}
