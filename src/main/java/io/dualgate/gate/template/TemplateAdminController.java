package io.dualgate.gate.template;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.dualgate.gate.checklist.ItemKind;
import io.dualgate.gate.checklist.ItemSpec;
import io.dualgate.people.AuthenticatedUser;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class TemplateAdminController {

	private static final int EMPTY_ROWS = 3;

	private final ChecklistTemplates templates;

	private final ObjectProvider<TemplateDrafts> drafts;

	TemplateAdminController(ChecklistTemplates templates, ObjectProvider<TemplateDrafts> drafts) {
		this.templates = templates;
		this.drafts = drafts;
	}

	@GetMapping("/admin/templates")
	@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
	String list(Model model) {
		model.addAttribute("templates", this.templates.all().stream().map(TemplateView::of).toList());
		return "gate/templates";
	}

	/**
	 * The editor of a version; with {@code draft}, filled from a file (a library
	 * template) to be saved as the next version.
	 */
	@GetMapping("/admin/templates/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
	String edit(@PathVariable long id, @RequestParam(name = "draft", required = false) String draft, Model model,
			RedirectAttributes redirect) {
		ChecklistTemplate template = this.templates.get(id);
		if (draft == null) {
			model.addAttribute("form", TemplateForm.of(template, EMPTY_ROWS));
			return page(template, model);
		}
		Optional<String> file = this.drafts.orderedStream()
			.map((source) -> source.draft(draft))
			.flatMap(Optional::stream)
			.findFirst();
		if (file.isEmpty()) {
			redirect.addFlashAttribute("error", "template.draft.notFound");
			redirect.addFlashAttribute("errorArg", ChecklistTemplates.excerpt(draft));
			return "redirect:/admin/templates/" + id;
		}
		TemplateFile parsed = this.templates.read(file.get(), LocaleContextHolder.getLocale());
		ChecklistTemplate latest = this.templates.current(parsed.fromStage(), parsed.track()).orElse(template);
		if (latest.getFromStage() != template.getFromStage() || latest.getTrack() != template.getTrack()) {
			redirect.addFlashAttribute("error", "template.draft.otherTransition");
			return "redirect:/admin/templates/" + id;
		}
		model.addAttribute("form", TemplateForm.of(parsed, latest.getVersion(), EMPTY_ROWS));
		model.addAttribute("draft", draft);
		return page(latest, model);
	}

	@PostMapping("/admin/templates/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String save(@PathVariable long id, @Valid @ModelAttribute("form") TemplateForm form, BindingResult result,
			@AuthenticationPrincipal AuthenticatedUser me, Model model, RedirectAttributes redirect) {
		List<ItemSpec> specs = this.templates.specs(form, result);
		if (result.hasErrors()) {
			return page(this.templates.get(id), model);
		}
		ChecklistTemplate saved = this.templates.revise(id, form, specs, me.id());
		redirect.addFlashAttribute("success", "template.saved");
		redirect.addFlashAttribute("successArg", saved.getVersion());
		return "redirect:/admin/templates/" + saved.getId();
	}

	/** One version as a JSON file to share (docs/template-schema.json). */
	@GetMapping("/admin/templates/{id}/export.json")
	@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
	ResponseEntity<String> export(@PathVariable long id) {
		ChecklistTemplate template = this.templates.get(id);
		String name = "dualgate-template-" + template.getFromStage().name().toLowerCase(Locale.ROOT) + "-"
				+ template.getTrack().name().toLowerCase(Locale.ROOT) + "-v" + template.getVersion() + ".json";
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(this.templates.export(id));
	}

	/**
	 * Imports a file as the next version of its transition's track; a refused file is
	 * listed problem by problem, each with its JSON path.
	 */
	@PostMapping("/admin/templates/import")
	@PreAuthorize("hasRole('ADMIN')")
	String importFile(@RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal AuthenticatedUser me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		Locale locale = LocaleContextHolder.getLocale();
		try {
			TemplateView saved = this.templates.importFile(text(file), null, me.id(), locale);
			redirect.addFlashAttribute("success", "template.imported");
			redirect.addFlashAttribute("successArg", saved.version());
			return "redirect:/admin/templates/" + saved.id();
		}
		catch (TemplateFileRejected ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("importProblems", ex.problems());
			model.addAttribute("importFileName", (file != null && file.getOriginalFilename() != null)
					? ChecklistTemplates.excerpt(file.getOriginalFilename()) : null);
			return list(model);
		}
	}

	/** The upload as UTF-8 text; an empty or undecodable upload is a problem at "$". */
	static String text(MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			return "";
		}
		if (file.getSize() > TemplateFiles.MAX_CHARS * 4L) {
			return "x".repeat(TemplateFiles.MAX_CHARS + 1);
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(file.getBytes()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return "\u0000";
		}
	}

	private String page(ChecklistTemplate template, Model model) {
		model.addAttribute("template", TemplateView.of(template));
		model.addAttribute("kinds", ItemKind.values());
		model.addAttribute("comparators", List.of(">=", "<=", ">", "<"));
		return "gate/template-form";
	}

}
