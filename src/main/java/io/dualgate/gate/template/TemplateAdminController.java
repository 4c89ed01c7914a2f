package io.dualgate.gate.template;

import java.util.List;

import io.dualgate.gate.checklist.ItemKind;
import io.dualgate.gate.checklist.ItemSpec;
import io.dualgate.people.AuthenticatedUser;
import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class TemplateAdminController {

	private static final int EMPTY_ROWS = 3;

	private final ChecklistTemplates templates;

	TemplateAdminController(ChecklistTemplates templates) {
		this.templates = templates;
	}

	@GetMapping("/admin/templates")
	@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
	String list(Model model) {
		model.addAttribute("templates", this.templates.all().stream().map(TemplateView::of).toList());
		return "gate/templates";
	}

	@GetMapping("/admin/templates/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
	String edit(@PathVariable long id, Model model) {
		ChecklistTemplate template = this.templates.get(id);
		model.addAttribute("form", TemplateForm.of(template, EMPTY_ROWS));
		return page(template, model);
	}

	@PostMapping("/admin/templates/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String save(@PathVariable long id, @Valid @ModelAttribute("form") TemplateForm form, BindingResult result,
			@AuthenticationPrincipal AuthenticatedUser me, Model model, RedirectAttributes redirect) {
		List<ItemSpec> specs = ChecklistTemplates.specs(form, result);
		if (result.hasErrors()) {
			return page(this.templates.get(id), model);
		}
		ChecklistTemplate saved = this.templates.revise(id, form, specs, me.id());
		redirect.addFlashAttribute("success", "template.saved");
		redirect.addFlashAttribute("successArg", saved.getVersion());
		return "redirect:/admin/templates/" + saved.getId();
	}

	private String page(ChecklistTemplate template, Model model) {
		model.addAttribute("template", TemplateView.of(template));
		model.addAttribute("kinds", ItemKind.values());
		model.addAttribute("comparators", List.of(">=", "<=", ">", "<"));
		return "gate/template-form";
	}

}
