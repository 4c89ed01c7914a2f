package io.dualgate.poc;

import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.PrototypePageSection;
import io.dualgate.portfolio.PrototypeView;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

@Component
class PocSection implements PrototypePageSection {

	private final Pocs pocs;

	PocSection(Pocs pocs) {
		this.pocs = pocs;
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public String fragment() {
		return "poc/section :: pocs";
	}

	@Override
	public void populate(PrototypeView prototype, AuthenticatedUser viewer, Model model) {
		model.addAttribute("pocs", this.pocs.forPrototype(prototype.id()));
		model.addAttribute("mayEditPocs", Pocs.mayEdit(viewer, prototype));
	}

}
