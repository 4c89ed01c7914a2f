package io.dualgate.gate.web;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.dualgate.gate.GateDetail;
import io.dualgate.gate.GatePageSection;
import io.dualgate.gate.GatePermissions;
import io.dualgate.gate.GateStatus;
import io.dualgate.gate.GateSummary;
import io.dualgate.gate.GateView;
import io.dualgate.gate.Gates;
import io.dualgate.gate.Meaning;
import io.dualgate.gate.SignPage;
import io.dualgate.gate.Track;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.shared.ConflictException;
import io.dualgate.shared.InvalidFieldException;
import io.dualgate.shared.RuleViolationException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class GateController {

	/** How checklist item codes are written (the schema checks the same). */
	/** Gates per page of the lists: a page costs the same with ten thousand gates. */
	static final int PAGE_SIZE = 25;

	private static final Pattern ITEM_CODE = Pattern.compile("^[a-z][a-z0-9_]{1,39}$");

	private final Gates gates;

	private final List<GatePageSection> sections;

	private final MessageSource messages;

	private final SignFormPage signPage;

	GateController(Gates gates, ObjectProvider<GatePageSection> sections, MessageSource messages,
			SignFormPage signPage) {
		this.gates = gates;
		this.messages = messages;
		this.signPage = signPage;
		this.sections = sections.orderedStream().sorted(Comparator.comparingInt(GatePageSection::order)).toList();
	}

	@GetMapping("/gates")
	@PreAuthorize("isAuthenticated()")
	String list(@RequestParam(name = "status", required = false) GateStatus status,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		Page<GateSummary> result = this.gates.page(status, page, PAGE_SIZE);
		model.addAttribute("page", result);
		model.addAttribute("gates", result.getContent());
		model.addAttribute("statuses", GateStatus.values());
		model.addAttribute("status", status);
		model.addAttribute("queue", false);
		return "gate/list";
	}

	@GetMapping("/gates/queue")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM')")
	String queue(@AuthenticationPrincipal AuthenticatedUser me,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		Page<GateSummary> result = this.gates.queuePage(me.id(), page, PAGE_SIZE);
		model.addAttribute("page", result);
		model.addAttribute("gates", result.getContent());
		model.addAttribute("queue", true);
		return "gate/list";
	}

	@PostMapping("/gates")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM')")
	String open(@RequestParam("prototypeKey") String prototypeKey, @AuthenticationPrincipal AuthenticatedUser me,
			RedirectAttributes redirect) {
		GateView gate = this.gates.open(prototypeKey, me.id());
		redirect.addFlashAttribute("success", "gate.opened");
		return "redirect:/gates/" + gate.id();
	}

	@GetMapping("/gates/{id}")
	@PreAuthorize("isAuthenticated()")
	String detail(@PathVariable long id, @AuthenticationPrincipal AuthenticatedUser me, Model model) {
		GateDetail detail = this.gates.detail(id, me.id());
		GateView gate = detail.gate();
		model.addAttribute("gate", gate);
		GatePermissions permissions = detail.permissions();
		Map<Track, Boolean> canAnswer = new EnumMap<>(Track.class);
		Map<Track, Boolean> canSign = new EnumMap<>(Track.class);
		for (Track track : Track.values()) {
			canAnswer.put(track, permissions.mayAnswer(track));
			canSign.put(track, permissions.maySign(track));
		}
		model.addAttribute("canAnswer", canAnswer);
		model.addAttribute("canSign", canSign);
		model.addAttribute("tracks", Track.values());
		this.sections.forEach((section) -> section.populate(gate, me, model));
		model.addAttribute("sections", this.sections.stream().map(GatePageSection::fragment).toList());
		return "gate/detail";
	}

	@PostMapping("/gates/{id}/tracks/{track}/items/{code}")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM')")
	String answer(@PathVariable long id, @PathVariable Track track, @PathVariable String code,
			@Valid @ModelAttribute("answer") AnswerForm form, BindingResult result,
			@AuthenticationPrincipal AuthenticatedUser me, RedirectAttributes redirect) {
		// The code comes from the URL: only a well-formed one is quoted or linked to.
		String itemCode = ITEM_CODE.matcher(code).matches() ? code : "?";
		if (result.hasErrors()) {
			redirect.addFlashAttribute("error", "gate.answer.refused");
			redirect.addFlashAttribute("errorArg", itemCode);
			FieldError field = result.getFieldError();
			redirect.addFlashAttribute("answerError",
					new AnswerError(track, itemCode, (field != null) ? field.getField() : null,
							this.messages.getMessage((field != null) ? field : result.getAllErrors().get(0),
									LocaleContextHolder.getLocale())));
		}
		else {
			try {
				this.gates.answer(id, track, code, form.toAnswer(), form.revision(), me.id(), "FORM");
				redirect.addFlashAttribute("success", "gate.answer.saved");
				redirect.addFlashAttribute("successArg", itemCode);
			}
			catch (InvalidFieldException ex) {
				redirect.addFlashAttribute("error", "gate.answer.refused");
				redirect.addFlashAttribute("errorArg", itemCode);
				redirect.addFlashAttribute("answerError", new AnswerError(track, itemCode, ex.field(), this.messages
					.getMessage(ex.messageCode(), ex.arguments(), ex.messageCode(), LocaleContextHolder.getLocale())));
			}
			catch (RuleViolationException ex) {
				redirect.addFlashAttribute("error", ex.messageCode());
				redirect.addFlashAttribute("errorArg", itemCode);
			}
		}
		return "redirect:/gates/" + id + (itemCode.equals("?") ? "" : "#item-" + track + "-" + itemCode);
	}

	@GetMapping("/gates/{id}/tracks/{track}/sign")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM')")
	String signForm(@PathVariable long id, @PathVariable Track track, @AuthenticationPrincipal AuthenticatedUser me,
			Model model) {
		SignPage page = this.gates.signPage(id, track, me.id());
		GateView gate = page.gate();
		model.addAttribute("form", SignForm.blank(gate.track(track).contentHash(), gate.version()));
		model.addAttribute("onBehalf", page.onBehalf());
		return signPage(gate, track, model);
	}

	@PostMapping("/gates/{id}/tracks/{track}/sign")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM')")
	String sign(@PathVariable long id, @PathVariable Track track, @Valid @ModelAttribute("form") SignForm form,
			BindingResult result, @AuthenticationPrincipal AuthenticatedUser me, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (this.signPage.stepUp()) {
			// signed in through the provider: the signature needs a re-authentication
			// there, never a password (such accounts have none anyone knows)
			result.reject("signing.stepUp.required");
		}
		else if (!result.hasErrors()) {
			try {
				GateView gate = this.gates.sign(id, track, form.toCommand(), me.id());
				redirect.addFlashAttribute("success", (gate.status() == GateStatus.APPROVED) ? "gate.sign.doneApproved"
						: (gate.status() == GateStatus.REJECTED) ? "gate.sign.doneRejected" : "gate.sign.done");
				return "redirect:/gates/" + id;
			}
			catch (ConflictException ex) {
				if (!"conflict.changedMeanwhile".equals(ex.messageCode())) {
					throw ex;
				}
				// The gate changed while the form was open: show the current answers with
				// a
				// fresh form (their hash and version), so that the signer can check and
				// sign again.
				response.setStatus(HttpStatus.CONFLICT.value());
				model.addAttribute("onBehalf", this.gates.signsOnBehalfUnder(id, track, me.id()).orElse(null));
				return freshSignPage(id, track, "gate.sign.staleForm", new Object[0], model);
			}
			catch (RuleViolationException ex) {
				if ("gate.sign.contentChanged".equals(ex.messageCode())) {
					model.addAttribute("onBehalf", this.gates.signsOnBehalfUnder(id, track, me.id()).orElse(null));
					return freshSignPage(id, track, ex.messageCode(), ex.arguments(), model);
				}
				String field = switch (ex.messageCode()) {
					case "gate.sign.wrongPassword", "gate.sign.locked" -> "password";
					case "gate.sign.reasonRequired" -> "reason";
					case "gate.sign.confirmRequired" -> "confirmed";
					default -> null;
				};
				if (field != null) {
					result.rejectValue(field, ex.messageCode(), ex.arguments(), ex.messageCode());
				}
				else {
					result.reject(ex.messageCode(), ex.arguments(), ex.messageCode());
				}
			}
		}
		// the form again, with what was wrong (the signer's delegation read only now: a
		// signature that went through needs none of this)
		model.addAttribute("onBehalf", this.gates.signsOnBehalfUnder(id, track, me.id()).orElse(null));
		GateView gate = this.gates.get(id);
		return signPage(gate, track, model);
	}

	private String freshSignPage(long id, Track track, String messageCode, Object[] arguments, Model model) {
		GateView gate = this.gates.get(id);
		SignForm fresh = SignForm.blank(gate.track(track).contentHash(), gate.version());
		BindingResult errors = new BeanPropertyBindingResult(fresh, "form");
		errors.reject(messageCode, arguments, messageCode);
		model.addAttribute("form", fresh);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
		return signPage(gate, track, model);
	}

	private String signPage(GateView gate, Track track, Model model) {
		return this.signPage.render(gate, track, model);
	}

	/**
	 * Two submits raced and the database kept its rule (one valid signature, one open
	 * gate).
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ModelAndView integrity(DataIntegrityViolationException ex) {
		ModelAndView page = new ModelAndView("error/409", HttpStatus.CONFLICT);
		page.addObject("messageCode", "gate.conflict.integrity");
		page.addObject("messageArgs", new Object[0]);
		return page;
	}

	@ExceptionHandler(ConflictException.class)
	ModelAndView conflict(ConflictException ex) {
		ModelAndView page = new ModelAndView("error/409", HttpStatus.CONFLICT);
		page.addObject("messageCode", ex.messageCode());
		page.addObject("messageArgs", ex.arguments());
		return page;
	}

}
