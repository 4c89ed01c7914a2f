package io.dualgate.gate.web;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

import io.dualgate.gate.GateStatus;
import io.dualgate.gate.GateView;
import io.dualgate.gate.Gates;
import io.dualgate.gate.Track;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.people.ReauthenticationProof;
import io.dualgate.people.SsoAuthentication;
import io.dualgate.people.StepUp;
import io.dualgate.shared.ConflictException;
import io.dualgate.shared.RuleViolationException;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Signing with a step-up re-authentication at the OpenID provider. The form's content
 * waits in the session, keyed by the request's {@code state}, while the person
 * re-authenticates; the provider's answer is used once (a replayed {@code state} finds
 * nothing), verified by {@link StepUp}, and only then is the signature recorded, with its
 * method ("re-authenticated at the issuer at auth_time"). Every refusal records nothing
 * and says why on the sign page.
 */
@Controller
class StepUpSigningController {

	static final String CALLBACK = "/gates/signatures/reauthenticated";

	private static final String PENDING = StepUpSigningController.class.getName() + ".pending";

	/** At most this many signatures wait for their re-authentication in one session. */
	private static final int MAX_PENDING = 5;

	private final Gates gates;

	private final ObjectProvider<StepUp> stepUp;

	private final SignFormPage signPage;

	private final MessageSource messages;

	StepUpSigningController(Gates gates, ObjectProvider<StepUp> stepUp, SignFormPage signPage, MessageSource messages) {
		this.gates = gates;
		this.stepUp = stepUp;
		this.signPage = signPage;
		this.messages = messages;
	}

	@PostMapping("/gates/{id}/tracks/{track}/sign/step-up")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM')")
	String begin(@PathVariable long id, @PathVariable Track track, @Valid @ModelAttribute("form") StepUpSignForm form,
			BindingResult result, @AuthenticationPrincipal AuthenticatedUser me, Authentication authentication,
			HttpSession session, Model model) {
		StepUp reauthentication = requireStepUp(authentication);
		this.gates.requireMaySign(id, track, me.id());
		if (result.hasErrors()) {
			model.addAttribute("form", form.asSignForm());
			model.addAttribute("org.springframework.validation.BindingResult.form", result);
			model.addAttribute("onBehalf", this.gates.signsOnBehalfUnder(id, track, me.id()).orElse(null));
			return this.signPage.render(this.gates.get(id), track, model);
		}
		String callback = ServletUriComponentsBuilder.fromCurrentContextPath().path(CALLBACK).toUriString();
		StepUp.Challenge challenge = reauthentication.begin(callback);
		PendingSignatures waiting = pending(session);
		waiting.put(challenge.state(), new Pending(id, track, form, challenge));
		session.setAttribute(PENDING, waiting);
		return "redirect:" + challenge.authorizationUri();
	}

	@GetMapping(CALLBACK)
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM')")
	String complete(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
			@RequestParam(required = false) String error, @AuthenticationPrincipal AuthenticatedUser me,
			Authentication authentication, HttpSession session, RedirectAttributes redirect) {
		StepUp reauthentication = requireStepUp(authentication);
		PendingSignatures waiting = pending(session);
		// used once: a replayed state finds nothing
		Pending pending = (state != null && state.length() <= 100) ? waiting.remove(state) : null;
		session.setAttribute(PENDING, waiting);
		if (pending == null) {
			redirect.addFlashAttribute("error", "signing.stepUp.replayed");
			return "redirect:/gates";
		}
		String signPage = "redirect:/gates/" + pending.gateId() + "/tracks/" + pending.track() + "/sign";
		if (error != null) {
			redirect.addFlashAttribute("stepUpError", text("signing.stepUp.cancelled"));
			return signPage;
		}
		try {
			ReauthenticationProof proof = reauthentication.complete(pending.challenge(), code, state,
					(SsoAuthentication) authentication);
			GateView gate = this.gates.signReauthenticated(pending.gateId(), pending.track(),
					pending.form().toCommand(), me.id(), proof);
			redirect.addFlashAttribute("success", (gate.status() == GateStatus.APPROVED) ? "gate.sign.doneApproved"
					: (gate.status() == GateStatus.REJECTED) ? "gate.sign.doneRejected" : "gate.sign.done");
			return "redirect:/gates/" + pending.gateId();
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("stepUpError", text(ex.messageCode(), ex.arguments()));
			return signPage;
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("stepUpError", text(ex.messageCode(), ex.arguments()));
			return signPage;
		}
	}

	private StepUp requireStepUp(Authentication authentication) {
		StepUp reauthentication = this.stepUp.getIfAvailable();
		if (reauthentication == null || !(authentication instanceof SsoAuthentication)) {
			throw new AccessDeniedException("step-up signing is for people signed in through single sign-on");
		}
		return reauthentication;
	}

	private String text(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, code, LocaleContextHolder.getLocale());
	}

	private static PendingSignatures pending(HttpSession session) {
		return (session.getAttribute(PENDING) instanceof PendingSignatures found) ? found : new PendingSignatures();
	}

	/** A signature waiting for its re-authentication. */
	record Pending(long gateId, Track track, StepUpSignForm form, StepUp.Challenge challenge) implements Serializable {
	}

	/** The oldest waiting signature gives way when a session starts too many. */
	static final class PendingSignatures extends LinkedHashMap<String, Pending> {

		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
			return size() > MAX_PENDING;
		}

	}

}
