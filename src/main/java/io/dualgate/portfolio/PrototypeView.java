package io.dualgate.portfolio;

import java.time.Instant;
import java.util.List;

import io.dualgate.people.AuthenticatedUser;
import io.dualgate.people.Role;

/**
 * A prototype as other modules, pages and the API see it.
 */
public record PrototypeView(long id, String key, String name, String problemStatement, String vertical,
		long explorationPmId, long deliveryPmId, Stage stage, Instant createdAt, long version,
		List<StageHistoryEntry> history) {

	public boolean isPm(long userId) {
		return this.explorationPmId == userId || this.deliveryPmId == userId;
	}

	/**
	 * Whether this person may change the prototype and record its evidence: its own PMs
	 * (while they hold a PM role) and admins. Executives and other PMs read.
	 */
	public boolean changeableBy(AuthenticatedUser user) {
		return user.holds(Role.ADMIN)
				|| ((user.holds(Role.EXPLORATION_PM) || user.holds(Role.DELIVERY_PM)) && isPm(user.id()));
	}

}
