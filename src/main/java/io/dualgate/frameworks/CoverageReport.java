package io.dualgate.frameworks;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.dualgate.gate.CoveredItem;

/**
 * A prototype's coverage of the controls of the frameworks that apply to the
 * organisation: a Statement of Applicability with the evidence behind each control.
 *
 * @param frameworks one section per applicable framework, in catalogue order
 */
public record CoverageReport(long prototypeId, String prototypeKey, String prototypeName, Instant at,
		List<Section> frameworks) {

	/**
	 * @param counts how many controls have each status
	 */
	public record Section(FrameworkView framework, List<Row> rows, Map<CoverageStatus, Long> counts) {

	}

	/**
	 * One control: whether it applies, its status, and the items citing it in the
	 * prototype's gates (newest gate first).
	 *
	 * @param justification why it does not apply, or null
	 * @param decidedBy who recorded the applicability decision, or null
	 */
	public record Row(ControlView control, boolean applicable, String justification, String decidedBy,
			Instant decidedAt, CoverageStatus status, List<CoveredItem> items) {

	}

}
