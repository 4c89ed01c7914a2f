package io.dualgate.gate.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.dualgate.gate.Track;
import io.dualgate.gate.checklist.Comparison;
import io.dualgate.gate.checklist.FrameworkRef;
import io.dualgate.gate.checklist.ItemKind;
import io.dualgate.gate.checklist.ItemSpec;
import io.dualgate.portfolio.Stage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Checklist templates as JSON files, following the versioned schema
 * {@code docs/template-schema.json} (the same file is on the classpath as
 * {@code schemas/template-schema.json}). Reading checks the schema and then our rules
 * (unique codes, known metric keys, known framework controls, a threshold that parses,
 * the transition's next stage) and reports every problem with its JSON path; a file with
 * any problem is refused whole.
 */
@Component
class TemplateFiles {

	static final int SCHEMA_VERSION = 1;

	/** A template file is a few kilobytes; anything much larger is not one. */
	static final int MAX_CHARS = 512 * 1024;

	private static final int MAX_PROBLEMS = 200;

	private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final Schema schema;

	private final MessageSource messages;

	TemplateFiles(MessageSource messages) {
		this.messages = messages;
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				(builder) -> builder
					.schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build()));
		try (InputStream in = new ClassPathResource("schemas/template-schema.json").getInputStream()) {
			this.schema = registry.getSchema(in, InputFormat.JSON);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The file of one template version. */
	String write(ChecklistTemplate template) {
		ObjectNode root = this.json.createObjectNode();
		root.put("schemaVersion", SCHEMA_VERSION);
		root.put("fromStage", template.getFromStage().name());
		root.put("toStage", template.getToStage().name());
		root.put("track", template.getTrack().name());
		root.put("title", template.getTitle());
		if (template.getChangeNote() != null && !template.getChangeNote().isBlank()) {
			root.put("changeNote", template.getChangeNote());
		}
		ObjectNode exported = root.putObject("exported");
		exported.put("templateVersion", template.getVersion());
		exported.put("at", template.getCreatedAt().toString());
		ArrayNode items = root.putArray("items");
		for (ItemSpec spec : template.specs()) {
			ObjectNode item = items.addObject();
			item.put("code", spec.code());
			item.put("kind", spec.kind().name());
			ObjectNode text = item.putObject("text");
			text.put("en", spec.label());
			if (spec.labelZh() != null) {
				text.put("zh-CN", spec.labelZh());
			}
			if (spec.helpEn() != null || spec.helpZh() != null) {
				ObjectNode help = item.putObject("help");
				if (spec.helpEn() != null) {
					help.put("en", spec.helpEn());
				}
				if (spec.helpZh() != null) {
					help.put("zh-CN", spec.helpZh());
				}
			}
			if (spec.kind() == ItemKind.MEASURE) {
				ObjectNode measure = item.putObject("measure");
				measure.put("comparator", spec.comparison().symbol());
				measure.put("threshold", spec.threshold().stripTrailingZeros().toPlainString());
				measure.put("unit", spec.unit());
			}
			if (spec.metricKey() != null) {
				item.put("metricKey", spec.metricKey());
			}
			item.put("blocking", spec.blocking());
			ArrayNode references = item.putArray("references");
			for (FrameworkRef reference : spec.references()) {
				references.addObject().put("framework", reference.framework()).put("clause", reference.clause());
			}
		}
		return this.json.writeValueAsString(root) + "\n";
	}

	/**
	 * Reads a file, or refuses it with every problem found.
	 * @param knownMetric whether a metric key exists here
	 * @param knownReference whether a framework has the control
	 */
	TemplateFile read(String text, Locale locale, Predicate<String> knownMetric,
			Predicate<FrameworkRef> knownReference) {
		List<TemplateFileProblem> problems = new ArrayList<>();
		if (text == null || text.isBlank()) {
			throw new TemplateFileRejected(List.of(problem("$", locale, "template.file.empty")));
		}
		if (text.length() > MAX_CHARS) {
			throw new TemplateFileRejected(List.of(problem("$", locale, "template.file.tooLarge", MAX_CHARS / 1024)));
		}
		JsonNode root;
		try {
			root = this.json.readTree(text);
		}
		catch (JacksonException ex) {
			var where = ex.getLocation();
			throw new TemplateFileRejected(List.of(problem("$", locale, "template.file.notJson",
					(where != null) ? where.getLineNr() : 0, (where != null) ? where.getColumnNr() : 0)));
		}
		List<Error> errors = this.schema.validate(root,
				(context) -> context.executionConfig((config) -> config.locale(locale)));
		for (Error error : errors) {
			if (problems.size() < MAX_PROBLEMS) {
				problems.add(new TemplateFileProblem(path(error), error.getMessage()));
			}
		}
		// Our rules run on whatever shape the file has, so one answer names every
		// problem.
		rules(root, locale, knownMetric, knownReference, problems);
		if (!problems.isEmpty()) {
			throw new TemplateFileRejected(deduplicated(problems));
		}
		return toFile(root);
	}

	private void rules(JsonNode root, Locale locale, Predicate<String> knownMetric,
			Predicate<FrameworkRef> knownReference, List<TemplateFileProblem> problems) {
		Optional<Stage> from = stage(root.get("fromStage"));
		Optional<Stage> to = stage(root.get("toStage"));
		if (from.isPresent() && to.isPresent() && from.get().next().filter(to.get()::equals).isEmpty()) {
			problems.add(problem("$.toStage", locale, "template.file.transition", to.get(), from.get(),
					from.get().next().map(Stage::name).orElse("-")));
		}
		JsonNode items = root.get("items");
		if (items == null || !items.isArray()) {
			return;
		}
		Map<String, Integer> firstAt = new HashMap<>();
		for (int i = 0; i < items.size(); i++) {
			JsonNode item = items.get(i);
			String at = "$.items[" + i + "]";
			if (!item.isObject()) {
				continue;
			}
			JsonNode code = item.get("code");
			if (code != null && code.isString()) {
				Integer first = firstAt.putIfAbsent(code.stringValue(), i);
				if (first != null) {
					problems.add(problem(at + ".code", locale, "template.file.code.duplicate",
							ChecklistTemplates.excerpt(code.stringValue()), "$.items[" + first + "].code"));
				}
			}
			JsonNode metric = item.get("metricKey");
			if (metric != null && metric.isString() && !metric.stringValue().isBlank()
					&& !knownMetric.test(metric.stringValue())) {
				problems.add(problem(at + ".metricKey", locale, "template.file.metricKey.unknown",
						ChecklistTemplates.excerpt(metric.stringValue())));
			}
			JsonNode threshold = item.path("measure").get("threshold");
			if (threshold != null && threshold.isString() && parse(threshold.stringValue()).isEmpty()) {
				problems.add(problem(at + ".measure.threshold", locale, "template.file.threshold.invalid",
						ChecklistTemplates.excerpt(threshold.stringValue())));
			}
			JsonNode references = item.get("references");
			if (references != null && references.isArray()) {
				for (int r = 0; r < references.size(); r++) {
					JsonNode reference = references.get(r);
					String framework = reference.path("framework").isString() ? reference.get("framework").stringValue()
							: null;
					String clause = reference.path("clause").isString() ? reference.get("clause").stringValue() : null;
					if (FrameworkRef.wellFormed(framework, clause)
							&& !knownReference.test(new FrameworkRef(framework, clause))) {
						problems.add(problem(at + ".references[" + r + "]", locale, "template.file.reference.unknown",
								framework, clause));
					}
				}
			}
		}
	}

	private TemplateFile toFile(JsonNode root) {
		List<ItemSpec> specs = new ArrayList<>();
		for (JsonNode item : root.get("items")) {
			ItemKind kind = ItemKind.valueOf(item.get("kind").stringValue());
			JsonNode measure = item.get("measure");
			List<FrameworkRef> references = new ArrayList<>();
			for (JsonNode reference : item.path("references")) {
				FrameworkRef ref = new FrameworkRef(reference.get("framework").stringValue(),
						reference.get("clause").stringValue());
				if (!references.contains(ref)) {
					references.add(ref);
				}
			}
			specs.add(new ItemSpec(item.get("code").stringValue(), item.path("text").get("en").stringValue().strip(),
					kind, (measure != null) ? measure.get("unit").stringValue().strip() : null,
					(measure != null) ? Comparison.fromSymbol(measure.get("comparator").stringValue()).orElseThrow()
							: null,
					(measure != null) ? parse(measure.get("threshold").stringValue()).orElseThrow() : null,
					item.get("blocking").booleanValue(), text(item.get("metricKey")),
					text(item.path("text").get("zh-CN")), text(item.path("help").get("en")),
					text(item.path("help").get("zh-CN")), references));
		}
		return new TemplateFile(Stage.valueOf(root.get("fromStage").stringValue()),
				Track.valueOf(root.get("track").stringValue()), root.get("title").stringValue().strip(),
				text(root.get("changeNote")), specs);
	}

	private static String text(JsonNode node) {
		return (node != null && node.isString() && !node.stringValue().isBlank()) ? node.stringValue().strip() : null;
	}

	private static Optional<Stage> stage(JsonNode node) {
		if (node == null || !node.isString()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Stage.valueOf(node.stringValue()));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** At most 13 digits before the point and 6 after: what the column holds. */
	static Optional<BigDecimal> parse(String number) {
		if (number == null || !number.matches("^-?[0-9]{1,13}(\\.[0-9]{1,6})?$")) {
			return Optional.empty();
		}
		return Optional.of(new BigDecimal(number));
	}

	private static String path(Error error) {
		String path = (error.getInstanceLocation() != null) ? error.getInstanceLocation().toString() : "$";
		// "required" names the missing property: the problem is at that property.
		if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
			path = path + "." + error.getProperty();
		}
		return path;
	}

	private TemplateFileProblem problem(String path, Locale locale, String code, Object... arguments) {
		return new TemplateFileProblem(path, this.messages.getMessage(code, arguments, code, locale));
	}

	private static List<TemplateFileProblem> deduplicated(List<TemplateFileProblem> problems) {
		return problems.stream().distinct().limit(MAX_PROBLEMS).toList();
	}

}
