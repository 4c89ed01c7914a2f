package io.dualgate.portfolio;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Evidence across the portfolio that expires in the next 30 days (and what already did),
 * soonest first, from every module that keeps dated evidence.
 */
@Controller
class ExpiringEvidenceController {

	static final int HORIZON_DAYS = 30;

	private final ObjectProvider<EvidenceCalendar> calendars;

	private final Clock clock;

	ExpiringEvidenceController(ObjectProvider<EvidenceCalendar> calendars, Clock clock) {
		this.calendars = calendars;
		this.clock = clock;
	}

	@GetMapping("/evidence/expiring")
	@PreAuthorize("isAuthenticated()")
	String expiring(Model model) {
		LocalDate today = LocalDate.now(this.clock);
		List<Row> rows = this.calendars.orderedStream()
			.flatMap((calendar) -> calendar.validUntilOnOrBefore(today.plusDays(HORIZON_DAYS)).stream())
			.sorted(Comparator.comparing(DatedEvidence::validUntil).thenComparing(DatedEvidence::prototypeKey))
			.map((e) -> new Row(e, ChronoUnit.DAYS.between(today, e.validUntil()),
					e.expired() || e.validUntil().isBefore(today)))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("horizonDays", HORIZON_DAYS);
		model.addAttribute("today", today);
		return "portfolio/expiring-evidence";
	}

	/**
	 * One line of the page: the evidence, days left (negative once past) and whether it
	 * expired.
	 */
	record Row(DatedEvidence evidence, long daysLeft, boolean expired) {
	}

}
