package io.dualgate.gate.template;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.dualgate.audit.AuditLog;
import io.dualgate.gate.Track;
import io.dualgate.gate.checklist.Comparison;
import io.dualgate.gate.checklist.FrameworkRef;
import io.dualgate.gate.checklist.ItemKind;
import io.dualgate.gate.checklist.ItemSpec;
import io.dualgate.metrics.Metrics;
import io.dualgate.portfolio.Stage;
import io.dualgate.shared.ConflictException;
import io.dualgate.shared.NotFoundException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Checklist templates: reading the versions and saving an edit as a new version.
 */
@Service
@Transactional(readOnly = true)
public class ChecklistTemplates {

	private final ChecklistTemplateRepository templates;

	private final AuditLog auditLog;

	private final Clock clock;

	private final ObjectProvider<FrameworkCatalogue> catalogue;

	private final ObjectProvider<Metrics> metrics;

	private final TemplateFiles files;

	ChecklistTemplates(ChecklistTemplateRepository templates, AuditLog auditLog, Clock clock,
			ObjectProvider<FrameworkCatalogue> catalogue, ObjectProvider<Metrics> metrics, TemplateFiles files) {
		this.files = files;
		this.templates = templates;
		this.auditLog = auditLog;
		this.clock = clock;
		this.catalogue = catalogue;
		this.metrics = metrics;
	}

	/**
	 * The version in force for a transition's track: the one a gate opened now copies.
	 */
	public Optional<ChecklistTemplate> current(Stage fromStage, Track track) {
		return this.templates.findFirstByFromStageAndTrackOrderByVersionDesc(fromStage, track);
	}

	/** The version in force of an autonomy checklist: the one an autonomy gate copies. */
	public Optional<ChecklistTemplate> currentAutonomy(String toLevel, Track track) {
		return this.templates.findFirstByKindAndToLevelAndTrackOrderByVersionDesc(io.dualgate.gate.GateKind.AUTONOMY,
				toLevel, track);
	}

	List<ChecklistTemplate> all() {
		return this.templates.findAllOrdered();
	}

	/** One version of a template, by its id. */
	public ChecklistTemplate get(long id) {
		return this.templates.findById(id).orElseThrow(() -> new NotFoundException("template.notFound", id));
	}

	/**
	 * Checks the rows and turns them into item specs; errors go next to their fields.
	 */
	List<ItemSpec> specs(TemplateForm form, Errors errors) {
		List<ItemSpec> specs = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < form.getItems().size(); i++) {
			TemplateForm.Row row = form.getItems().get(i);
			if (row.isRemove() || row.isBlank()) {
				continue;
			}
			String path = "items[" + i + "].";
			int before = errors.getErrorCount();
			String code = (row.getCode() != null) ? row.getCode().strip() : "";
			if (!code.matches(CODE)) {
				errors.rejectValue(path + "code", "template.item.code.invalid");
			}
			else if (!codes.add(code)) {
				errors.rejectValue(path + "code", "template.item.code.duplicate");
			}
			if (row.getLabel() == null || row.getLabel().isBlank()) {
				errors.rejectValue(path + "label", "template.item.label.required");
			}
			String metricKey = (row.getMetricKey() != null && !row.getMetricKey().isBlank())
					? row.getMetricKey().strip() : null;
			// A computed item's key names its computation, not a metric.
			if (metricKey != null && row.getKind() != ItemKind.COMPUTED && !knownMetric(metricKey)) {
				errors.rejectValue(path + "metricKey", "template.item.metricKey.unknown", new Object[] { metricKey },
						null);
			}
			List<FrameworkRef> references = new ArrayList<>();
			for (String text : splitReferences(row.getReferences())) {
				Optional<FrameworkRef> reference = FrameworkRef.parse(text);
				if (reference.isEmpty() || !knownReference(reference.get())) {
					errors.rejectValue(path + "references", "template.item.references.unknown",
							new Object[] { excerpt(text) }, null);
				}
				else if (!references.contains(reference.get())) {
					references.add(reference.get());
				}
			}
			if (row.getKind() == null) {
				errors.rejectValue(path + "kind", "template.item.kind.required");
				continue;
			}
			Comparison comparison = Comparison.fromSymbol(row.getComparator()).orElse(null);
			boolean computed = row.getKind() == ItemKind.COMPUTED;
			if (computed) {
				if (row.getMetricKey() == null || row.getMetricKey().isBlank()) {
					errors.rejectValue(path + "metricKey", "template.item.computation.required");
				}
				if (row.getWindowDays() == null || row.getWindowDays() < 1 || row.getWindowDays() > 3650) {
					errors.rejectValue(path + "windowDays", "template.item.windowDays.invalid");
				}
				if (row.getMinCount() != null && (row.getMinCount() < 1 || row.getMinCount() > 1_000_000)) {
					errors.rejectValue(path + "minCount", "template.item.minCount.invalid");
				}
			}
			if (row.getKind() == ItemKind.MEASURE || computed) {
				if (comparison == null) {
					errors.rejectValue(path + "comparator", "template.item.comparator.required");
				}
				if (row.getThreshold() == null) {
					errors.rejectValue(path + "threshold", "template.item.threshold.required");
				}
				if (row.getUnit() == null || row.getUnit().isBlank()) {
					errors.rejectValue(path + "unit", "template.item.unit.required");
				}
			}
			if (errors.getErrorCount() == before) {
				boolean measure = row.getKind() == ItemKind.MEASURE || computed;
				String param = (computed && row.getParam() != null && !row.getParam().isBlank())
						? row.getParam().strip() : null;
				specs.add(new ItemSpec(code, row.getLabel().strip(), row.getKind(),
						measure ? row.getUnit().strip() : null, measure ? comparison : null,
						measure ? row.getThreshold() : null, row.isBlocking(), metricKey,
						computed ? row.getMinCount() : null, computed ? row.getWindowDays() : null, param,
						row.getLabelZh(), row.getHelpEn(), row.getHelpZh(), references));
			}
		}
		if (specs.isEmpty() && !errors.hasErrors()) {
			errors.reject("template.items.required");
		}
		return specs;
	}

	/** The item code rule (also a CHECK constraint on the table). */
	static final String CODE = "^[a-z][a-z0-9_]{1,39}$";

	boolean knownMetric(String key) {
		Metrics known = this.metrics.getIfAvailable();
		return known == null || known.definition(key).isPresent();
	}

	boolean knownReference(FrameworkRef reference) {
		FrameworkCatalogue known = this.catalogue.getIfAvailable();
		return known == null || known.knows(reference);
	}

	private static List<String> splitReferences(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return java.util.Arrays.stream(text.split("[;\\n]")).map(String::strip).filter((t) -> !t.isEmpty()).toList();
	}

	/** At most 40 characters of what was sent, never the whole of it. */
	static String excerpt(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "…" : text;
	}

	/** One version as a file ({@code docs/template-schema.json}). */
	public String export(long id) {
		return this.files.write(get(id));
	}

	/**
	 * Reads a file without saving anything, or refuses it with every problem (for an
	 * editor that starts from a file).
	 */
	public TemplateFile read(String json, Locale locale) {
		return this.files.read(json, locale, this::knownMetric, this::knownReference);
	}

	/**
	 * Imports a file as the next version of its transition's track. Gates already open
	 * keep the version they opened with; nothing is saved when the file has any problem.
	 * @param changeNote why, or null for the file's own note (or a default)
	 * @throws TemplateFileRejected with every problem and its JSON path
	 */
	@Transactional
	public TemplateView importFile(String json, String changeNote, long by, Locale locale) {
		TemplateFile file = read(json, locale);
		String note = (changeNote != null && !changeNote.isBlank()) ? changeNote.strip()
				: (file.changeNote() != null) ? file.changeNote() : "Imported from a template file";
		note = (note.length() > 500) ? note.substring(0, 500) : note;
		Optional<ChecklistTemplate> latest = current(file.fromStage(), file.track());
		ChecklistTemplate next = this.templates
			.saveAndFlush(latest.map((t) -> t.revise(file.title(), file.items(), this.clock.instant(), by, null))
				.orElseGet(() -> new ChecklistTemplate(file.fromStage(), file.track(), 1, file.title(), file.items(),
						this.clock.instant(), by, null))
				.withChangeNote(note));
		String transition = file.fromStage() + "->" + next.getToStage();
		this.auditLog.record("TEMPLATE_IMPORTED", "checklist_template", next.getId(),
				latest
					.map((t) -> AuditLog.values("transition", transition, "track", file.track(), "version",
							t.getVersion(), "items", t.specs().size()))
					.orElse(null),
				AuditLog.values("transition", transition, "track", file.track(), "version", next.getVersion(), "items",
						file.items().size()),
				note);
		return TemplateView.of(next);
	}

	/** Saves an edit as the next version; the edited version stays as it was. */
	@Transactional
	ChecklistTemplate revise(long id, TemplateForm form, List<ItemSpec> specs, long by) {
		ChecklistTemplate base = get(id);
		ChecklistTemplate latest = ((base.getKind() == io.dualgate.gate.GateKind.AUTONOMY)
				? currentAutonomy(base.getToLevel(), base.getTrack())
				: this.templates.findFirstByFromStageAndTrackOrderByVersionDesc(base.getFromStage(), base.getTrack()))
			.orElseThrow();
		if (form.getBaseVersion() == null || latest.getVersion() != form.getBaseVersion()) {
			throw new ConflictException("conflict.changedMeanwhile");
		}
		ChecklistTemplate next = this.templates.saveAndFlush(
				latest.revise(form.getTitle().strip(), specs, this.clock.instant(), by, form.getChangeNote().strip()));
		this.auditLog.record("TEMPLATE_REVISED", "checklist_template", next.getId(),
				AuditLog.values("transition", base.transitionText(), "track", base.getTrack(), "version",
						latest.getVersion(), "items", latest.specs().size()),
				AuditLog.values("transition", base.transitionText(), "track", base.getTrack(), "version",
						next.getVersion(), "items", specs.size()),
				form.getChangeNote());
		return next;
	}

}
