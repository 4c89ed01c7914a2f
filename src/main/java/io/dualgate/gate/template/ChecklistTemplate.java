package io.dualgate.gate.template;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.dualgate.gate.GateKind;
import io.dualgate.gate.Track;
import io.dualgate.gate.checklist.Comparison;
import io.dualgate.gate.checklist.FrameworkRef;
import io.dualgate.gate.checklist.FrameworkRefs;
import io.dualgate.gate.checklist.ItemKind;
import io.dualgate.gate.checklist.ItemSpec;
import io.dualgate.portfolio.Stage;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of the checklist of one track of one transition. Versions are never edited:
 * an edit saves a new version, and open gates keep the items they copied.
 */
@Entity
@Table(name = "checklist_template")
public class ChecklistTemplate {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private GateKind kind = GateKind.STAGE;

	/** The transition of a stage checklist; null for an autonomy checklist. */
	@Enumerated(EnumType.STRING)
	@Column(updatable = false)
	private Stage fromStage;

	@Enumerated(EnumType.STRING)
	@Column(updatable = false)
	private Stage toStage;

	/** The level an autonomy checklist raises a capability to; null for a stage one. */
	@Column(updatable = false)
	private String toLevel;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private Track track;

	@Column(nullable = false, updatable = false)
	private int version;

	@Column(nullable = false, updatable = false)
	private String title;

	@Column(nullable = false, updatable = false)
	private Instant createdAt;

	@Column(updatable = false)
	private Long createdBy;

	@Column(updatable = false)
	private String changeNote;

	@OneToMany(mappedBy = "template", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
	@OrderBy("position")
	private List<TemplateItem> items = new ArrayList<>();

	protected ChecklistTemplate() {
	}

	/**
	 * A version of a track's checklist (version 1 for a new one; see {@link #revise}).
	 */
	public ChecklistTemplate(Stage fromStage, Track track, int version, String title, List<ItemSpec> items,
			Instant createdAt, Long createdBy, String changeNote) {
		this.fromStage = fromStage;
		this.toStage = fromStage.next().orElseThrow();
		this.track = track;
		this.version = version;
		this.title = title;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
		this.changeNote = changeNote;
		int position = 0;
		for (ItemSpec spec : items) {
			this.items.add(new TemplateItem(this, ++position, spec));
		}
	}

	/**
	 * A version of an autonomy checklist: the items that raise a capability to a level.
	 */
	public static ChecklistTemplate autonomy(String toLevel, Track track, int version, String title,
			List<ItemSpec> items, Instant createdAt, Long createdBy, String changeNote) {
		ChecklistTemplate template = new ChecklistTemplate();
		template.kind = GateKind.AUTONOMY;
		template.toLevel = toLevel;
		template.track = track;
		template.version = version;
		template.title = title;
		template.createdAt = createdAt;
		template.createdBy = createdBy;
		template.changeNote = changeNote;
		int position = 0;
		for (ItemSpec spec : items) {
			template.items.add(new TemplateItem(template, ++position, spec));
		}
		return template;
	}

	/** The same, not yet saved, version with a change note. */
	ChecklistTemplate withChangeNote(String note) {
		if (this.id != null) {
			throw new IllegalStateException("a saved version is never changed");
		}
		this.changeNote = note;
		return this;
	}

	/** The next version of this checklist, with other items. */
	ChecklistTemplate revise(String title, List<ItemSpec> items, Instant at, Long by, String changeNote) {
		if (this.kind == GateKind.AUTONOMY) {
			return autonomy(this.toLevel, this.track, this.version + 1, title, items, at, by, changeNote);
		}
		return new ChecklistTemplate(this.fromStage, this.track, this.version + 1, title, items, at, by, changeNote);
	}

	/** {@code PROTOTYPE->POC}, or {@code autonomy->ACT}. */
	public String transitionText() {
		return (this.kind == GateKind.AUTONOMY) ? "autonomy->" + this.toLevel : this.fromStage + "->" + this.toStage;
	}

	public GateKind getKind() {
		return this.kind;
	}

	public String getToLevel() {
		return this.toLevel;
	}

	public Long getId() {
		return this.id;
	}

	public Stage getFromStage() {
		return this.fromStage;
	}

	public Stage getToStage() {
		return this.toStage;
	}

	public Track getTrack() {
		return this.track;
	}

	public int getVersion() {
		return this.version;
	}

	String getTitle() {
		return this.title;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Long getCreatedBy() {
		return this.createdBy;
	}

	String getChangeNote() {
		return this.changeNote;
	}

	public List<ItemSpec> specs() {
		return this.items.stream().map(TemplateItem::spec).toList();
	}

	@Entity
	@Table(name = "checklist_template_item")
	static class TemplateItem {

		@Id
		@GeneratedValue(strategy = GenerationType.IDENTITY)
		private Long id;

		@ManyToOne(fetch = FetchType.LAZY, optional = false)
		@JoinColumn(name = "template_id")
		private ChecklistTemplate template;

		private int position;

		private String code;

		private String label;

		@Enumerated(EnumType.STRING)
		private ItemKind kind;

		private String unit;

		private String comparator;

		private BigDecimal threshold;

		private boolean blocking;

		private String metricKey;

		private Integer minCount;

		private Integer windowDays;

		private String param;

		private String labelZh;

		private String helpEn;

		private String helpZh;

		@JdbcTypeCode(SqlTypes.ARRAY)
		@Column(name = "framework_refs", columnDefinition = "varchar(48)[]")
		private List<String> frameworkRefs = new ArrayList<>();

		protected TemplateItem() {
		}

		TemplateItem(ChecklistTemplate template, int position, ItemSpec spec) {
			this.template = template;
			this.position = position;
			this.code = spec.code();
			this.label = spec.label();
			this.kind = spec.kind();
			this.unit = spec.unit();
			this.comparator = (spec.comparison() != null) ? spec.comparison().symbol() : null;
			this.threshold = spec.threshold();
			this.blocking = spec.blocking();
			this.metricKey = spec.metricKey();
			this.minCount = spec.minCount();
			this.windowDays = spec.windowDays();
			this.param = spec.param();
			this.labelZh = spec.labelZh();
			this.helpEn = spec.helpEn();
			this.helpZh = spec.helpZh();
			this.frameworkRefs = new ArrayList<>(spec.references().stream().map(FrameworkRef::key).toList());
		}

		ItemSpec spec() {
			return new ItemSpec(this.code, this.label, this.kind, this.unit,
					Comparison.fromSymbol(this.comparator).orElse(null), this.threshold, this.blocking, this.metricKey,
					this.minCount, this.windowDays, this.param, this.labelZh, this.helpEn, this.helpZh,
					FrameworkRefs.read(this.frameworkRefs));
		}

	}

}
