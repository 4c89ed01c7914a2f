package io.dualgate.learning.okr;

import java.util.ArrayList;
import java.util.List;

/**
 * The page's form for a new objective: the period, the objective and a few key-result
 * rows (blank rows are ignored). A JavaBean because the browser posts indexed rows; the
 * service checks every value.
 */
public class OkrForm {

	static final int ROWS = 3;

	private String period;

	private String objective;

	private List<Row> keyResults = new ArrayList<>();

	static OkrForm blank(String period) {
		OkrForm form = new OkrForm();
		form.period = period;
		for (int i = 0; i < ROWS; i++) {
			form.keyResults.add(new Row());
		}
		return form;
	}

	Okrs.OkrCommand toCommand() {
		// Blank rows go, so that the indices the service names are the rows shown.
		this.keyResults = new ArrayList<>(this.keyResults.stream().filter((row) -> !row.isBlank()).toList());
		List<Okrs.KeyResultInput> inputs = new ArrayList<>();
		for (Row row : this.keyResults) {
			inputs.add(new Okrs.KeyResultInput(row.metric, row.baseline, row.target, row.stretch, null, row.deadline,
					row.track));
		}
		return new Okrs.OkrCommand(this.period, this.objective, inputs);
	}

	/** Pads the rows back to {@link #ROWS} after a post, for the redisplay. */
	void pad() {
		while (this.keyResults.size() < ROWS) {
			this.keyResults.add(new Row());
		}
	}

	public String getPeriod() {
		return this.period;
	}

	public void setPeriod(String period) {
		this.period = period;
	}

	public String getObjective() {
		return this.objective;
	}

	public void setObjective(String objective) {
		this.objective = objective;
	}

	public List<Row> getKeyResults() {
		return this.keyResults;
	}

	public void setKeyResults(List<Row> keyResults) {
		this.keyResults = (keyResults != null && keyResults.size() <= 10) ? keyResults : new ArrayList<>();
	}

	/** One key result as typed. */
	public static class Row {

		private String metric;

		private String baseline;

		private String target;

		private String stretch;

		private String deadline;

		private String track;

		boolean isBlank() {
			return blank(this.metric) && blank(this.baseline) && blank(this.target) && blank(this.stretch)
					&& blank(this.deadline);
		}

		private static boolean blank(String text) {
			return text == null || text.isBlank();
		}

		public String getMetric() {
			return this.metric;
		}

		public void setMetric(String metric) {
			this.metric = metric;
		}

		public String getBaseline() {
			return this.baseline;
		}

		public void setBaseline(String baseline) {
			this.baseline = baseline;
		}

		public String getTarget() {
			return this.target;
		}

		public void setTarget(String target) {
			this.target = target;
		}

		public String getStretch() {
			return this.stretch;
		}

		public void setStretch(String stretch) {
			this.stretch = stretch;
		}

		public String getDeadline() {
			return this.deadline;
		}

		public void setDeadline(String deadline) {
			this.deadline = deadline;
		}

		public String getTrack() {
			return this.track;
		}

		public void setTrack(String track) {
			this.track = track;
		}

	}

}
