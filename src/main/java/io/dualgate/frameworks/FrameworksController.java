package io.dualgate.frameworks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dualgate.gate.template.ChecklistTemplate;
import io.dualgate.gate.template.ChecklistTemplates;
import io.dualgate.gate.template.TemplateView;
import io.dualgate.people.AuthenticatedUser;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The framework catalogue for everyone, and for admins the choice of applicable
 * frameworks and the library of starter checklists.
 */
@Controller
class FrameworksController {

	private final Frameworks frameworks;

	private final FrameworkLibrary library;

	private final ChecklistTemplates templates;

	FrameworksController(Frameworks frameworks, FrameworkLibrary library, ChecklistTemplates templates) {
		this.frameworks = frameworks;
		this.library = library;
		this.templates = templates;
	}

	@GetMapping("/frameworks")
	@PreAuthorize("isAuthenticated()")
	String catalogue(Model model) {
		List<FrameworkView> all = this.frameworks.frameworks();
		Map<String, List<ControlView>> controls = new LinkedHashMap<>();
		all.forEach((f) -> controls.put(f.key(), this.frameworks.controls(f.key())));
		model.addAttribute("frameworks", all);
		model.addAttribute("controls", controls);
		return "frameworks/catalogue";
	}

	@GetMapping("/admin/frameworks")
	@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
	String admin(Model model) {
		model.addAttribute("frameworks", this.frameworks.frameworks());
		List<LibraryTemplate> templates = this.library.templates();
		Map<String, Long> current = new LinkedHashMap<>();
		for (LibraryTemplate template : templates) {
			this.templates.current(template.fromStage(), template.track())
				.map(ChecklistTemplate::getId)
				.ifPresent((id) -> current.put(template.key(), id));
		}
		model.addAttribute("library", templates);
		model.addAttribute("currentTemplate", current);
		return "frameworks/admin";
	}

	@PostMapping("/admin/frameworks")
	@PreAuthorize("hasRole('ADMIN')")
	String choose(@RequestParam(name = "applicable") List<String> applicable,
			@AuthenticationPrincipal AuthenticatedUser me, RedirectAttributes redirect) {
		// The form always sends an empty value (a hidden field), so that choosing none is
		// said on purpose; a post without the field changes nothing.
		this.frameworks.choose(applicable.stream().filter((key) -> !key.isBlank()).toList(), me.id());
		redirect.addFlashAttribute("success", "frameworks.saved");
		return "redirect:/admin/frameworks";
	}

	@PostMapping("/admin/frameworks/library/{key}/adopt")
	@PreAuthorize("hasRole('ADMIN')")
	String adopt(@PathVariable String key, @AuthenticationPrincipal AuthenticatedUser me, RedirectAttributes redirect) {
		TemplateView adopted = this.library.adopt(key, me.id(), LocaleContextHolder.getLocale());
		redirect.addFlashAttribute("success", "frameworks.library.adopted");
		redirect.addFlashAttribute("successArg", adopted.version());
		return "redirect:/admin/templates/" + adopted.id();
	}

}
