package io.dualgate.learning.autonomy;

import io.dualgate.gate.GateView;
import io.dualgate.gate.Gates;
import io.dualgate.learning.LearningAccess;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.shared.RuleViolationException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asking for the next level: opens an autonomy gate for a capability, from its level to
 * the next, through the gate module (the same dual-sign mechanism as a stage change).
 */
@Service
public class AutonomyGates {

	private final Capabilities capabilities;

	private final LearningAccess access;

	private final Gates gates;

	AutonomyGates(Capabilities capabilities, LearningAccess access, Gates gates) {
		this.capabilities = capabilities;
		this.access = access;
		this.gates = gates;
	}

	@Transactional
	public GateView open(String prototypeKey, String capabilityKey, AuthenticatedUser by) {
		PrototypeView prototype = this.access.writable(prototypeKey, by);
		CapabilityView capability = this.capabilities.get(prototype, capabilityKey);
		AutonomyLevel next = capability.level()
			.up()
			.orElseThrow(() -> new RuleViolationException("autonomy.gate.atTop", capability.key()));
		return this.gates.openAutonomy(prototype.key(), capability.key(), capability.level().name(), next.name(),
				by.id());
	}

}
