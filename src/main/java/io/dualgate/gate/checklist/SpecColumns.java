package io.dualgate.gate.checklist;

import java.math.BigDecimal;
import java.util.List;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * An {@link ItemSpec} as the columns of a table: the same for a template's item and the
 * gate item copied from it, so that the copy is the same spec by construction.
 */
@Embeddable
public class SpecColumns {

	private String code;

	private String label;

	@Enumerated(EnumType.STRING)
	private ItemKind kind;

	private String unit;

	private String comparator;

	private BigDecimal threshold;

	private boolean blocking;

	private String metricKey;

	/** A computed item's least number of cases (or runs), window and subject. */
	private Integer minCount;

	private Integer windowDays;

	private String param;

	protected SpecColumns() {
	}

	public static SpecColumns of(ItemSpec spec) {
		SpecColumns columns = new SpecColumns();
		columns.code = spec.code();
		columns.label = spec.label();
		columns.kind = spec.kind();
		columns.unit = spec.unit();
		columns.comparator = (spec.comparison() != null) ? spec.comparison().symbol() : null;
		columns.threshold = spec.threshold();
		columns.blocking = spec.blocking();
		columns.metricKey = spec.metricKey();
		columns.minCount = spec.minCount();
		columns.windowDays = spec.windowDays();
		columns.param = spec.param();
		return columns;
	}

	/**
	 * The spec, with what each table keeps beside these columns: the Chinese label, the
	 * help texts and the framework references.
	 */
	public ItemSpec spec(String labelZh, String helpEn, String helpZh, List<FrameworkRef> references) {
		return new ItemSpec(this.code, this.label, this.kind, this.unit,
				Comparison.fromSymbol(this.comparator).orElse(null), this.threshold, this.blocking, this.metricKey,
				this.minCount, this.windowDays, this.param, labelZh, helpEn, helpZh, references);
	}

}
