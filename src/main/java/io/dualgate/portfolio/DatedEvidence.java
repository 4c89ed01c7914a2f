package io.dualgate.portfolio;

import java.time.LocalDate;

/**
 * A piece of evidence with a last valid day, wherever it is kept.
 *
 * @param reference stable identity (e.g. {@code gate-item:12}), for reminders sent once
 * @param label what it is (an item code, "data-sovereignty agreement")
 * @param ownerId who is reminded before it expires
 * @param path where it is shown in DualGate
 * @param expired whether its expiry has already been acted on
 */
public record DatedEvidence(String reference, long prototypeId, String prototypeKey, String prototypeName, String label,
		String link, LocalDate validUntil, Long ownerId, String path, boolean expired) {
}
