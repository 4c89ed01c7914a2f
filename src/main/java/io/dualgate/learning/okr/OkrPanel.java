package io.dualgate.learning.okr;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The portfolio OKR panel's counts: objectives on track, at risk and off track.
 */
final class OkrPanel {

	private OkrPanel() {
	}

	static Map<OkrStatus, Long> counts(List<OkrView> okrs) {
		Map<OkrStatus, Long> counts = new EnumMap<>(OkrStatus.class);
		for (OkrStatus status : OkrStatus.values()) {
			counts.put(status, 0L);
		}
		okrs.forEach((okr) -> counts.merge(okr.status(), 1L, Long::sum));
		return counts;
	}

}
