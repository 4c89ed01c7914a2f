package io.dualgate.frameworks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import io.dualgate.gate.checklist.FrameworkRef;
import io.dualgate.gate.template.ChecklistTemplates;
import io.dualgate.gate.template.TemplateDrafts;
import io.dualgate.gate.template.TemplateFile;
import io.dualgate.gate.template.TemplateView;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The library of starter checklists, one per transition and track, shipped as template
 * files ({@code frameworks/library/*.json}, the format of docs/template-schema.json). An
 * admin adopts one as it is (it becomes the next version of that checklist) or copies it
 * into the template editor and saves an edited version.
 */
@Service
public class FrameworkLibrary implements TemplateDrafts {

	static final String LOCATION = "classpath:frameworks/library/*.json";

	private final ChecklistTemplates templates;

	private volatile Map<String, String> files;

	FrameworkLibrary(ChecklistTemplates templates) {
		this.templates = templates;
	}

	/**
	 * The library's templates in the order of the stages, technical before commercial.
	 */
	public List<LibraryTemplate> templates() {
		List<LibraryTemplate> list = new ArrayList<>();
		files().forEach((key, json) -> {
			TemplateFile file = this.templates.read(json, Locale.ENGLISH);
			TreeSet<String> cited = new TreeSet<>();
			file.items().forEach((item) -> item.references().stream().map(FrameworkRef::framework).forEach(cited::add));
			list.add(new LibraryTemplate(key, file.fromStage(), file.fromStage().next().orElseThrow(), file.track(),
					file.title(), file.items(), cited));
		});
		list.sort(Comparator.comparing(LibraryTemplate::fromStage).thenComparing(LibraryTemplate::track));
		return list;
	}

	@Override
	public Optional<String> draft(String key) {
		return Optional.ofNullable(files().get(key));
	}

	/**
	 * Adopts a library template as it is: the next version of its transition's track.
	 * Gates already open keep theirs.
	 */
	@Transactional
	public TemplateView adopt(String key, long by, Locale locale) {
		String json = draft(key)
			.orElseThrow(() -> new io.dualgate.shared.NotFoundException("template.draft.notFound", key));
		return this.templates.importFile(json, "Adopted from the framework library (" + key + ")", by, locale);
	}

	private Map<String, String> files() {
		Map<String, String> loaded = this.files;
		if (loaded == null) {
			loaded = new LinkedHashMap<>();
			try {
				for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
					String name = resource.getFilename();
					try (InputStream in = resource.getInputStream()) {
						loaded.put(name.substring(0, name.length() - ".json".length()),
								new String(in.readAllBytes(), StandardCharsets.UTF_8));
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.files = loaded;
		}
		return loaded;
	}

}
