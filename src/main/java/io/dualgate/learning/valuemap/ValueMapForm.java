package io.dualgate.learning.valuemap;

import java.util.ArrayList;
import java.util.List;

/**
 * The page's form for a value map: a title and a few step rows (blank rows are ignored).
 */
public class ValueMapForm {

	static final int ROWS = 4;

	private String title;

	private List<Row> steps = new ArrayList<>();

	static ValueMapForm blank() {
		ValueMapForm form = new ValueMapForm();
		form.pad();
		return form;
	}

	List<ValueMaps.StepInput> toSteps() {
		this.steps = new ArrayList<>(this.steps.stream().filter((row) -> !row.isBlank()).toList());
		return this.steps.stream()
			.map((row) -> new ValueMaps.StepInput(row.fromMetric, row.fromChange, row.toMetric, row.toUnit,
					row.toChange, row.lagWeeks, row.assumption))
			.toList();
	}

	void pad() {
		while (this.steps.size() < ROWS) {
			this.steps.add(new Row());
		}
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public List<Row> getSteps() {
		return this.steps;
	}

	public void setSteps(List<Row> steps) {
		this.steps = (steps != null && steps.size() <= 10) ? steps : new ArrayList<>();
	}

	/** One step as typed. */
	public static class Row {

		private String fromMetric;

		private String fromChange;

		private String toMetric;

		private String toUnit;

		private String toChange;

		private String lagWeeks;

		private String assumption;

		boolean isBlank() {
			return blank(this.fromMetric) && blank(this.fromChange) && blank(this.toMetric) && blank(this.toChange)
					&& blank(this.assumption);
		}

		private static boolean blank(String text) {
			return text == null || text.isBlank();
		}

		public String getFromMetric() {
			return this.fromMetric;
		}

		public void setFromMetric(String fromMetric) {
			this.fromMetric = fromMetric;
		}

		public String getFromChange() {
			return this.fromChange;
		}

		public void setFromChange(String fromChange) {
			this.fromChange = fromChange;
		}

		public String getToMetric() {
			return this.toMetric;
		}

		public void setToMetric(String toMetric) {
			this.toMetric = toMetric;
		}

		public String getToUnit() {
			return this.toUnit;
		}

		public void setToUnit(String toUnit) {
			this.toUnit = toUnit;
		}

		public String getToChange() {
			return this.toChange;
		}

		public void setToChange(String toChange) {
			this.toChange = toChange;
		}

		public String getLagWeeks() {
			return this.lagWeeks;
		}

		public void setLagWeeks(String lagWeeks) {
			this.lagWeeks = lagWeeks;
		}

		public String getAssumption() {
			return this.assumption;
		}

		public void setAssumption(String assumption) {
			this.assumption = assumption;
		}

	}

}
