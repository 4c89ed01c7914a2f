package io.dualgate.portfolio;

import java.time.Instant;
import java.util.List;

/**
 * A prototype as other modules, pages and the API see it.
 */
public record PrototypeView(long id, String key, String name, String problemStatement, String vertical,
		long explorationPmId, long deliveryPmId, Stage stage, Instant createdAt, long version,
		List<StageHistoryEntry> history) {

	public boolean isPm(long userId) {
		return this.explorationPmId == userId || this.deliveryPmId == userId;
	}

}
