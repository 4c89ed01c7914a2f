package io.dualgate.gate;

import java.time.LocalDate;
import java.util.List;

import io.dualgate.portfolio.DatedEvidence;
import io.dualgate.portfolio.EvidenceCalendar;
import io.dualgate.portfolio.Portfolio;
import io.dualgate.portfolio.PrototypeView;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dated evidence links of open gates, for reminders and the expiring-evidence page.
 * Its owner is whoever gave the evidence, else the track's PM.
 */
@Component
class GateEvidenceCalendar implements EvidenceCalendar {

	static final String REFERENCE_PREFIX = "gate-item:";

	private final GateRepository gates;

	private final Portfolio portfolio;

	GateEvidenceCalendar(GateRepository gates, Portfolio portfolio) {
		this.gates = gates;
		this.portfolio = portfolio;
	}

	@Override
	@Transactional(readOnly = true)
	public List<DatedEvidence> validUntilOnOrBefore(LocalDate until) {
		return this.gates.findDatedEvidenceOnOpenGates(until).stream().map((item) -> {
			Gate gate = item.getGate();
			PrototypeView prototype = this.portfolio.get(gate.getPrototypeId());
			Long owner = (item.getAnsweredBy() != null) ? item.getAnsweredBy()
					: ((item.getTrack() == Track.TECHNICAL) ? prototype.explorationPmId() : prototype.deliveryPmId());
			return new DatedEvidence(REFERENCE_PREFIX + item.getId(), prototype.id(), prototype.key(), prototype.name(),
					item.getCode(), item.getEvidenceUrl(), item.getEvidenceValidUntil(), owner,
					"/gates/" + gate.getId() + "#item-" + item.getTrack() + "-" + item.getCode(),
					item.getEvidenceExpiredOn() != null);
		}).toList();
	}

}
