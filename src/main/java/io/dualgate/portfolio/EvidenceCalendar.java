package io.dualgate.portfolio;

import java.time.LocalDate;
import java.util.List;

/**
 * A module that keeps dated evidence (the gate's items, the POCs' agreements) tells
 * through this what expires when, so that reminders and the "expiring evidence" page do
 * not need to know those modules.
 */
public interface EvidenceCalendar {

	/**
	 * Evidence still in force (on open gates, on current agreements) whose last valid day
	 * is on or before {@code until}, already expired ones included.
	 */
	List<DatedEvidence> validUntilOnOrBefore(LocalDate until);

}
