package io.dualgate.gate.template;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.dualgate.people.AuthenticatedUser;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checklist templates as files for programs: every version, one version as a file
 * ({@code docs/template-schema.json}), and importing a file as the next version.
 * Administrators only, like the template pages.
 */
@RestController
@RequestMapping("/api/v1/templates")
class TemplateApiController {

	private final ChecklistTemplates templates;

	TemplateApiController(ChecklistTemplates templates) {
		this.templates = templates;
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
	List<TemplateView> list() {
		return this.templates.all().stream().map(TemplateView::of).toList();
	}

	/** The version as a template file. */
	@GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
	String export(@PathVariable long id) {
		return this.templates.export(id);
	}

	/**
	 * Imports a template file as the next version of its transition's track: 201 with the
	 * new version, or 422 listing every problem with its JSON path (nothing saved).
	 */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<TemplateView> importFile(@RequestBody String file,
			@RequestParam(name = "changeNote", required = false) String changeNote,
			@AuthenticationPrincipal AuthenticatedUser me) {
		TemplateView saved = this.templates.importFile(file, changeNote, me.id(), Locale.ENGLISH);
		return ResponseEntity.created(URI.create("/api/v1/templates/" + saved.id())).body(saved);
	}

}
