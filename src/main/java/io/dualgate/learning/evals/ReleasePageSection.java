package io.dualgate.learning.evals;

import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.PrototypeView;

import org.springframework.ui.Model;

/** A part of the release page another part of the loop adds (the guard thresholds). */
public interface ReleasePageSection {

	String fragment();

	void populate(PrototypeView prototype, AuthenticatedUser viewer, Model model);

}
