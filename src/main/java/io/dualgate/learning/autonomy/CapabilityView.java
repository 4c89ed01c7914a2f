package io.dualgate.learning.autonomy;

import java.time.Instant;

/**
 * A capability as pages and the API show it, with its current level.
 */
public record CapabilityView(long id, String prototypeKey, String key, String name, String description,
		AutonomyLevel level, Instant levelChangedAt, long version) {

	static CapabilityView of(Capability capability, String prototypeKey) {
		return new CapabilityView(capability.getId(), prototypeKey, capability.getKey(), capability.getName(),
				capability.getDescription(), capability.getLevel(), capability.getLevelChangedAt(),
				capability.getVersion());
	}

}
