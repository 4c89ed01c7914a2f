package io.dualgate.gate.web;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import io.dualgate.gate.GateView;
import io.dualgate.gate.Gates;
import io.dualgate.gate.Meaning;
import io.dualgate.gate.Track;
import io.dualgate.people.SsoAuthentication;
import io.dualgate.people.SsoRegistrations;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The sign page's model: the track as it stands, the meanings with their server-set
 * texts, and how this signer proves who they are (their password, or a re-authentication
 * at the OpenID provider when they signed in through it).
 */
@Component
class SignFormPage {

	private final Gates gates;

	private final ObjectProvider<SsoRegistrations> sso;

	SignFormPage(Gates gates, ObjectProvider<SsoRegistrations> sso) {
		this.gates = gates;
		this.sso = sso;
	}

	String render(GateView gate, Track track, Model model) {
		model.addAttribute("gate", gate);
		model.addAttribute("track", track);
		model.addAttribute("trackView", gate.track(track));
		model.addAttribute("meanings", Meaning.values());
		Map<Meaning, String> texts = new EnumMap<>(Meaning.class);
		Arrays.stream(Meaning.values())
			.forEach((m) -> texts.put(m, this.gates.meaningText(track, m, LocaleContextHolder.getLocale())));
		model.addAttribute("meaningTexts", texts);
		boolean stepUp = stepUp();
		model.addAttribute("stepUp", stepUp);
		if (stepUp) {
			model.addAttribute("ssoName", this.sso.getObject().providerName());
		}
		return "gate/sign";
	}

	/**
	 * Whether this signer re-authenticates at the provider instead of typing a password.
	 */
	boolean stepUp() {
		return this.sso.getIfAvailable() != null
				&& SecurityContextHolder.getContext().getAuthentication() instanceof SsoAuthentication;
	}

}
