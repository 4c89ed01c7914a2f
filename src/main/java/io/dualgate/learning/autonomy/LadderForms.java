package io.dualgate.learning.autonomy;

/**
 * The autonomy page's forms: JavaBeans bound from the posted fields, checked by the
 * service.
 */
final class LadderForms {

	private LadderForms() {
	}

	/** The stop button: a reason and, optionally, the level to go down to. */
	public static class LowerForm {

		private String reason;

		private String level;

		public String getReason() {
			return this.reason;
		}

		public void setReason(String reason) {
			this.reason = reason;
		}

		public String getLevel() {
			return this.level;
		}

		public void setLevel(String level) {
			this.level = level;
		}

	}

	/** The ladder's lower bounds of one capability. */
	public static class PolicyForm {

		private String windowCases;

		private String draftBelowPct;

		private String actBelowPct;

		public String getWindowCases() {
			return this.windowCases;
		}

		public void setWindowCases(String windowCases) {
			this.windowCases = windowCases;
		}

		public String getDraftBelowPct() {
			return this.draftBelowPct;
		}

		public void setDraftBelowPct(String draftBelowPct) {
			this.draftBelowPct = draftBelowPct;
		}

		public String getActBelowPct() {
			return this.actBelowPct;
		}

		public void setActBelowPct(String actBelowPct) {
			this.actBelowPct = actBelowPct;
		}

	}

}
