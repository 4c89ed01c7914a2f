package io.dualgate.learning.feedback;

import io.dualgate.learning.autonomy.CapabilityView;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.PrototypeView;

import org.springframework.ui.Model;

/**
 * A part of the capability page that another part of the loop adds (its autonomy level
 * and history).
 */
public interface CapabilityPageSection {

	String fragment();

	void populate(PrototypeView prototype, CapabilityView capability, AuthenticatedUser viewer, Model model);

}
