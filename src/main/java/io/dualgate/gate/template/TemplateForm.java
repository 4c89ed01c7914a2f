package io.dualgate.gate.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.dualgate.gate.checklist.FrameworkRef;
import io.dualgate.gate.checklist.ItemKind;
import io.dualgate.gate.checklist.ItemSpec;
import io.dualgate.shared.Decimals;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The template editor: one row per item plus a few empty rows for new items (blank rows
 * are ignored). A JavaBean rather than a record because the browser posts indexed rows.
 */
class TemplateForm {

	@NotBlank
	@Size(max = 200)
	private String title;

	@NotBlank
	@Size(max = 500)
	private String changeNote;

	/**
	 * The version the editor started from; a newer one means someone else saved
	 * meanwhile.
	 */
	private Integer baseVersion;

	@Valid
	private List<Row> items = new ArrayList<>();

	static TemplateForm of(ChecklistTemplate template, int emptyRows) {
		return of(template.getTitle(), template.getVersion(), template.specs(), emptyRows);
	}

	/** The editor filled from a file, to be saved on top of {@code baseVersion}. */
	static TemplateForm of(TemplateFile file, int baseVersion, int emptyRows) {
		TemplateForm form = of(file.title(), baseVersion, file.items(), emptyRows);
		form.changeNote = file.changeNote();
		return form;
	}

	private static TemplateForm of(String title, int baseVersion, List<ItemSpec> specs, int emptyRows) {
		TemplateForm form = new TemplateForm();
		form.title = title;
		form.baseVersion = baseVersion;
		for (ItemSpec spec : specs) {
			Row row = new Row();
			row.code = spec.code();
			row.label = spec.label();
			row.kind = spec.kind();
			row.unit = spec.unit();
			row.comparator = (spec.comparison() != null) ? spec.comparison().symbol() : null;
			row.threshold = spec.threshold();
			row.blocking = spec.blocking();
			row.metricKey = spec.metricKey();
			row.minCount = spec.minCount();
			row.windowDays = spec.windowDays();
			row.param = spec.param();

			row.labelZh = spec.labelZh();
			row.helpEn = spec.helpEn();
			row.helpZh = spec.helpZh();
			row.references = String.join("; ", spec.references().stream().map(FrameworkRef::key).toList());
			form.items.add(row);
		}
		for (int i = 0; i < emptyRows; i++) {
			Row row = new Row();
			row.blocking = true;
			form.items.add(row);
		}
		return form;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getChangeNote() {
		return this.changeNote;
	}

	public void setChangeNote(String changeNote) {
		this.changeNote = changeNote;
	}

	public Integer getBaseVersion() {
		return this.baseVersion;
	}

	public void setBaseVersion(Integer baseVersion) {
		this.baseVersion = baseVersion;
	}

	public List<Row> getItems() {
		return this.items;
	}

	public void setItems(List<Row> items) {
		this.items = items;
	}

	public static class Row {

		@Size(max = 40)
		private String code;

		@Size(max = 500)
		private String label;

		private ItemKind kind;

		@Size(max = 20)
		private String unit;

		private String comparator;

		@Digits(integer = Decimals.MEASURE_INTEGER_DIGITS, fraction = Decimals.MEASURE_SCALE)
		private BigDecimal threshold;

		private boolean blocking;

		@Size(max = 64)
		private String metricKey;

		/** A computed item's least number of cases (or runs). */
		private Integer minCount;

		/** A computed item's window in days. */
		private Integer windowDays;

		/** A computed item's subject (an eval suite). */
		@Size(max = 64)
		private String param;

		public Integer getMinCount() {
			return this.minCount;
		}

		public void setMinCount(Integer minCount) {
			this.minCount = minCount;
		}

		public Integer getWindowDays() {
			return this.windowDays;
		}

		public void setWindowDays(Integer windowDays) {
			this.windowDays = windowDays;
		}

		public String getParam() {
			return this.param;
		}

		public void setParam(String param) {
			this.param = param;
		}

		@Size(max = 500)
		private String labelZh;

		@Size(max = 2000)
		private String helpEn;

		@Size(max = 2000)
		private String helpZh;

		/** {@code ISO42001:A.6.2.4; EUAIACT:Art. 15}: framework key and clause id. */
		@Size(max = 1000)
		private String references;

		private boolean remove;

		public String getLabelZh() {
			return this.labelZh;
		}

		public void setLabelZh(String labelZh) {
			this.labelZh = labelZh;
		}

		public String getHelpEn() {
			return this.helpEn;
		}

		public void setHelpEn(String helpEn) {
			this.helpEn = helpEn;
		}

		public String getHelpZh() {
			return this.helpZh;
		}

		public void setHelpZh(String helpZh) {
			this.helpZh = helpZh;
		}

		public String getReferences() {
			return this.references;
		}

		public void setReferences(String references) {
			this.references = references;
		}

		boolean isBlank() {
			return (this.code == null || this.code.isBlank()) && (this.label == null || this.label.isBlank());
		}

		public String getCode() {
			return this.code;
		}

		public void setCode(String code) {
			this.code = code;
		}

		public String getLabel() {
			return this.label;
		}

		public void setLabel(String label) {
			this.label = label;
		}

		public ItemKind getKind() {
			return this.kind;
		}

		public void setKind(ItemKind kind) {
			this.kind = kind;
		}

		public String getUnit() {
			return this.unit;
		}

		public void setUnit(String unit) {
			this.unit = unit;
		}

		public String getComparator() {
			return this.comparator;
		}

		public void setComparator(String comparator) {
			this.comparator = comparator;
		}

		public BigDecimal getThreshold() {
			return this.threshold;
		}

		public void setThreshold(BigDecimal threshold) {
			this.threshold = threshold;
		}

		public boolean isBlocking() {
			return this.blocking;
		}

		public void setBlocking(boolean blocking) {
			this.blocking = blocking;
		}

		public String getMetricKey() {
			return this.metricKey;
		}

		public void setMetricKey(String metricKey) {
			this.metricKey = metricKey;
		}

		public boolean isRemove() {
			return this.remove;
		}

		public void setRemove(boolean remove) {
			this.remove = remove;
		}

	}

}
