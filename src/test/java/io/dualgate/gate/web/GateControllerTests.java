package io.dualgate.gate.web;

import java.util.Optional;
import java.util.Set;

import io.dualgate.WebSliceTest;
import io.dualgate.gate.GateDetail;
import io.dualgate.gate.GatePermissions;
import io.dualgate.gate.SignPage;
import io.dualgate.gate.GateView;
import io.dualgate.gate.Gates;
import io.dualgate.gate.SampleGates;
import io.dualgate.gate.Track;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.people.Role;
import io.dualgate.shared.ConflictException;
import io.dualgate.shared.NotFoundException;
import io.dualgate.shared.NotPermittedException;
import io.dualgate.shared.RuleViolationException;
import io.dualgate.web.Html;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.dualgate.people.SignedIn.as;
import static io.dualgate.people.SignedIn.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The gate pages without a database: answers and signatures go to {@link Gates} only when
 * the form is valid, a refused signature is explained next to its field, a stale form
 * gets a fresh one with 409, and strangers, executives and unknown gates get 403 and 404.
 * The rules themselves are the aggregate's ({@code GateTests}) and the database's
 * ({@code GateRulesTests}).
 */
@WebSliceTest
class GateControllerTests {

	static final AuthenticatedUser EXPLORER = person(SampleGates.EXPLORER_ID, "explorer", Role.EXPLORATION_PM);

	static final AuthenticatedUser EXECUTIVE = person(4, "executive", Role.EXECUTIVE);

	static final AuthenticatedUser STRANGER = person(5, "labexplorer", Role.EXPLORATION_PM);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Gates gates;

	GateView gate;

	@BeforeEach
	void gate42() {
		this.gate = SampleGates.answered();
		given(this.gates.get(42)).willReturn(this.gate);
		given(this.gates.permissions(42, EXPLORER.id()))
			.willReturn(new GatePermissions(Set.of(Track.TECHNICAL), Set.of(Track.TECHNICAL)));
		given(this.gates.permissions(42, STRANGER.id())).willReturn(new GatePermissions(Set.of(), Set.of()));
		// the page and the sign form read the gate once (with the reader's permissions)
		given(this.gates.detail(42, EXPLORER.id())).willReturn(
				new GateDetail(this.gate, new GatePermissions(Set.of(Track.TECHNICAL), Set.of(Track.TECHNICAL))));
		given(this.gates.detail(42, STRANGER.id()))
			.willReturn(new GateDetail(this.gate, new GatePermissions(Set.of(), Set.of())));
		given(this.gates.signPage(42, Track.TECHNICAL, EXPLORER.id())).willReturn(new SignPage(this.gate, null));
		willThrow(new NotPermittedException("gate.notYours")).given(this.gates)
			.signPage(42, Track.TECHNICAL, STRANGER.id());
		given(this.gates.signsOnBehalfUnder(anyLong(), any(), anyLong())).willReturn(Optional.empty());
		given(this.gates.meaningText(any(), any(), any())).willReturn("Approved: technical robustness");
		willThrow(new NotPermittedException("gate.notYours")).given(this.gates)
			.requireMayAnswer(42, Track.TECHNICAL, STRANGER.id());
	}

	@Test
	void theOwnerSeesTheAnswerAndSignControlsOfTheirTrackOnly() {
		String html = Html.of(this.mvc.get().uri("/gates/42").with(as(EXPLORER)).exchange());
		assertThat(html).contains("Contract Risk Review", "/gates/42/tracks/TECHNICAL/sign")
			.doesNotContain("/gates/42/tracks/COMMERCIAL/sign");
	}

	@Test
	void aStrangerWithTheRoleSeesNoControlsAndIsRefusedTheSignForm() {
		assertThat(this.mvc.get().uri("/gates/42").with(as(STRANGER))).hasStatusOk()
			.bodyText()
			.doesNotContain("Sign this track");
		assertThat(this.mvc.get().uri("/gates/42/tracks/TECHNICAL/sign").with(as(STRANGER))).hasStatus(403);
	}

	@Test
	void executivesCannotOpenAnswerOrSign() {
		assertThat(this.mvc.post().uri("/gates").with(as(EXECUTIVE)).with(csrf()).param("prototypeKey", "X"))
			.hasStatus(403);
		assertThat(this.mvc.post()
			.uri("/gates/42/tracks/TECHNICAL/items/fallback_plan")
			.with(as(EXECUTIVE))
			.with(csrf())
			.param("yes", "true")).hasStatus(403);
		assertThat(sign(EXECUTIVE, "dualgate-demo", true)).hasStatus(403);
		then(this.gates).should(never()).open(anyString(), anyLong());
		then(this.gates).should(never()).answer(anyLong(), any(), any(), any(), any(), anyLong(), any());
		then(this.gates).should(never()).sign(anyLong(), any(), any(), anyLong());
	}

	@Test
	void anUnknownGateIsA404Page() {
		given(this.gates.get(999999)).willThrow(new NotFoundException("gate.notFound", 999999L));
		given(this.gates.detail(999999, EXPLORER.id())).willThrow(new NotFoundException("gate.notFound", 999999L));
		assertThat(this.mvc.get().uri("/gates/999999").with(as(EXPLORER))).hasStatus(404)
			.bodyText()
			.contains("Gate 999999 does not exist.");
		assertThat(this.mvc.get().uri("/gates/not-a-number").with(as(EXPLORER))).hasStatus(404);
	}

	@Test
	void openingAGateRedirectsToItWithAFlashMessage() {
		given(this.gates.open("CONTRACT-RISK", EXPLORER.id())).willReturn(this.gate);
		assertThat(this.mvc.post().uri("/gates").with(as(EXPLORER)).with(csrf()).param("prototypeKey", "CONTRACT-RISK"))
			.hasRedirectedUrl("/gates/42")
			.flash()
			.containsEntry("success", "gate.opened");
	}

	@Test
	void aSavedAnswerRedirectsToItsItemWithAFlashMessage() {
		assertThat(this.mvc.post()
			.uri("/gates/42/tracks/TECHNICAL/items/availability_pct")
			.with(as(EXPLORER))
			.with(csrf())
			.param("value", "99.97")
			.param("revision", "1")).hasRedirectedUrl("/gates/42#item-TECHNICAL-availability_pct")
			.flash()
			.containsEntry("success", "gate.answer.saved")
			.containsEntry("successArg", "availability_pct");
		then(this.gates).should()
			.answer(eq(42L), eq(Track.TECHNICAL), eq("availability_pct"), any(), eq(1), eq(EXPLORER.id()), eq("FORM"));
	}

	@Test
	void anAnswerThatIsNotANumberIsRefusedWithAMessageAndNotSaved() {
		assertThat(this.mvc.post()
			.uri("/gates/42/tracks/TECHNICAL/items/availability_pct")
			.with(as(EXPLORER))
			.with(csrf())
			.param("value", "lots")).hasRedirectedUrl("/gates/42#item-TECHNICAL-availability_pct")
			.flash()
			.containsEntry("error", "gate.answer.refused")
			.containsEntry("errorArg", "availability_pct")
			// shown next to the item's value field
			.hasEntrySatisfying("answerError",
					(error) -> assertThat(error.toString()).contains("field=value", "Please enter a number."));
		then(this.gates).should(never()).answer(anyLong(), any(), any(), any(), any(), anyLong(), any());
	}

	@Test
	void aMalformedItemCodeIsNeverQuotedBack() {
		assertThat(this.mvc.post()
			.uri("/gates/42/tracks/TECHNICAL/items/{code}", "<script>")
			.with(as(EXPLORER))
			.with(csrf())
			.param("value", "lots")).hasRedirectedUrl("/gates/42").flash().containsEntry("errorArg", "?");
	}

	@Test
	void anAnswerTheGateRefusesComesBackAsAFlashError() {
		given(this.gates.answer(anyLong(), any(), any(), any(), any(), anyLong(), any()))
			.willThrow(new RuleViolationException("gate.answer.validUntil.past", "2020-01-01"));
		assertThat(this.mvc.post()
			.uri("/gates/42/tracks/TECHNICAL/items/fallback_plan")
			.with(as(EXPLORER))
			.with(csrf())
			.param("yes", "true")
			.param("validUntil", "2020-01-01")).flash().containsEntry("error", "gate.answer.validUntil.past");
	}

	@Test
	void anIncompleteSignFormIsShownAgainWithAMessageNextToEachFieldAndSignsNothing() {
		MvcTestResult result = sign(EXPLORER, "", false);
		assertThat(result).hasStatusOk().hasViewName("gate/sign");
		String html = Html.of(result);
		assertThat(Html.fieldError(html, "password")).isEqualTo("Please fill this in.");
		assertThat(Html.fieldError(html, "confirmed")).isEqualTo("Tick the confirmation to sign.");
		assertThat(html).contains("id=\"sign-errors\"", "Not signed.");
		then(this.gates).should(never()).sign(anyLong(), any(), any(), anyLong());
	}

	@Test
	void aWrongPasswordIsExplainedNextToThePasswordField() {
		given(this.gates.sign(eq(42L), eq(Track.TECHNICAL), any(), eq(EXPLORER.id())))
			.willThrow(new RuleViolationException("gate.sign.wrongPassword"));
		MvcTestResult result = sign(EXPLORER, "not-my-password", true);
		assertThat(result).hasStatusOk().hasViewName("gate/sign");
		assertThat(Html.fieldError(Html.of(result), "password")).startsWith("The password is wrong.");
	}

	@Test
	void aSignatureForTheSamePersonOnBothTracksIsExplainedAtTheTop() {
		given(this.gates.sign(eq(42L), eq(Track.TECHNICAL), any(), eq(EXPLORER.id())))
			.willThrow(new RuleViolationException("gate.sign.sameSigner"));
		assertThat(sign(EXPLORER, "dualgate-demo", true)).hasStatusOk()
			.bodyText()
			.contains("You signed the other track of this gate.");
	}

	@Test
	void aSignatureThatApprovesTheGateRedirectsWithThatNews() {
		GateView approved = new GateView(42, 7, "CONTRACT-RISK", "Contract Risk Review", this.gate.fromStage(),
				this.gate.toStage(), io.dualgate.gate.GateStatus.APPROVED, this.gate.openedAt(), this.gate.openedBy(),
				this.gate.openedAt().plusSeconds(3600), null, 5, this.gate.sla(), this.gate.technical(),
				this.gate.commercial(), io.dualgate.gate.GateKind.STAGE, null, null, null);
		given(this.gates.sign(eq(42L), eq(Track.TECHNICAL), any(), eq(EXPLORER.id()))).willReturn(approved);
		assertThat(sign(EXPLORER, "dualgate-demo", true)).hasRedirectedUrl("/gates/42")
			.flash()
			.containsEntry("success", "gate.sign.doneApproved");
	}

	@Test
	void aFormOpenWhileTheGateChangedGets409AndAFreshForm() {
		given(this.gates.sign(eq(42L), eq(Track.TECHNICAL), any(), eq(EXPLORER.id())))
			.willThrow(new ConflictException("conflict.changedMeanwhile"));
		MvcTestResult result = sign(EXPLORER, "dualgate-demo", true);
		assertThat(result).hasStatus(409).hasViewName("gate/sign");
		assertThat(result).bodyText().contains("Someone else changed this gate while you had this form open.");
		// the fresh form carries the hash and version of what is shown now
		assertThat(result).bodyText().contains(this.gate.technical().contentHash());
	}

	@Test
	void twoSubmitsRacingAreA409PageNotAnError() {
		given(this.gates.sign(eq(42L), eq(Track.TECHNICAL), any(), eq(EXPLORER.id())))
			.willThrow(new DataIntegrityViolationException("gate_signature_one_valid_per_track"));
		assertThat(sign(EXPLORER, "dualgate-demo", true)).hasStatus(409)
			.hasViewName("error/409")
			.bodyText()
			.contains("Someone else signed or changed this gate at the same moment.");
	}

	private MvcTestResult sign(AuthenticatedUser who, String password, boolean confirmed) {
		return this.mvc.post()
			.uri("/gates/42/tracks/TECHNICAL/sign")
			.with(as(who))
			.with(csrf())
			.param("meaning", "APPROVE")
			.param("shownHash", this.gate.technical().contentHash())
			.param("version", String.valueOf(this.gate.version()))
			.param("password", password)
			.param("confirmed", String.valueOf(confirmed))
			.exchange();
	}

}
