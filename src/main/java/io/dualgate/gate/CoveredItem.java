package io.dualgate.gate;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.dualgate.gate.checklist.Bilingual;
import io.dualgate.gate.checklist.FrameworkRef;
import io.dualgate.gate.checklist.Verdict;
import io.dualgate.portfolio.Stage;

/**
 * A checklist item of one of a prototype's gates that cites framework controls, with its
 * verdict now: what coverage pages are made of.
 *
 * @param evidenceExpired whether its evidence passed its last valid day
 */
public record CoveredItem(long gateId, Stage fromStage, Stage toStage, GateStatus gateStatus, Instant openedAt,
		Track track, String code, String label, String labelZh, List<FrameworkRef> references, Verdict verdict,
		boolean evidenceExpired) {

	public String label(Locale locale) {
		return (Bilingual.chinese(locale) && this.labelZh != null) ? this.labelZh : this.label;
	}

	public boolean cites(FrameworkRef reference) {
		return this.references.contains(reference);
	}

}
