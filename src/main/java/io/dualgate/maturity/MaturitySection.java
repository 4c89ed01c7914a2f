package io.dualgate.maturity;

import java.util.ArrayList;
import java.util.List;

import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.PrototypePageSection;
import io.dualgate.portfolio.PrototypeView;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The nine-cell grid on the prototype page: current level per dimension, the baseline,
 * the movement since, and the fake-dual-track warning.
 */
@Component
class MaturitySection implements PrototypePageSection {

	private final Maturity maturity;

	MaturitySection(Maturity maturity) {
		this.maturity = maturity;
	}

	/** One row of the grid. */
	record GridRow(Dimension dimension, int current, int baseline, int movement) {

		public boolean isCurrent(int level) {
			return this.current == level;
		}

		public boolean isBaseline(int level) {
			return this.baseline == level;
		}

	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public String fragment() {
		return "maturity/section :: maturity";
	}

	@Override
	public void populate(PrototypeView prototype, AuthenticatedUser viewer, Model model) {
		List<Assessment> history = this.maturity.history(prototype.id());
		model.addAttribute("maturityGrid", grid(history));
		List<Assessment> newestFirst = new ArrayList<>(history);
		java.util.Collections.reverse(newestFirst);
		model.addAttribute("maturityHistory", newestFirst);
		model.addAttribute("maturityCurrent", history.isEmpty() ? null : history.get(history.size() - 1));
		model.addAttribute("maturityBaseline", history.isEmpty() ? null : history.get(0));
		model.addAttribute("fakeDualTrack", this.maturity.fakeDualTrack(prototype));
		model.addAttribute("mayAssess", Maturity.mayAssess(viewer, prototype));
	}

	static List<GridRow> grid(List<Assessment> history) {
		List<GridRow> rows = new ArrayList<>();
		if (history.isEmpty()) {
			return rows;
		}
		MaturityLevels baseline = history.get(0).levels();
		MaturityLevels current = history.get(history.size() - 1).levels();
		for (Dimension dimension : Dimension.values()) {
			rows.add(new GridRow(dimension, current.level(dimension), baseline.level(dimension),
					current.level(dimension) - baseline.level(dimension)));
		}
		return rows;
	}

}
