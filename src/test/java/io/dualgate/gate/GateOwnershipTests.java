package io.dualgate.gate;

import io.dualgate.IntegrationTest;
import io.dualgate.people.ApiTokens;
import io.dualgate.people.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A track belongs to the prototype's assigned PM: a stranger holding the same role sees
 * no edit control and no sign button, and the form POST, the sign POST and the API all
 * refuse them (403) without changing anything. The owner still answers and signs.
 */
@IntegrationTest
class GateOwnershipTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	GateFixtures fixtures;

	@Autowired
	Gates gates;

	@Autowired
	ApiTokens tokens;

	@Test
	void aStrangerWithTheRoleSeesNoControlsAndEveryWriteIsRefused() {
		String stranger = this.fixtures.person("stranger", Role.EXPLORATION_PM);
		long id = this.fixtures.open(this.fixtures.prototype(), "explorer").id();
		GateView before = this.fixtures.answerPassing(id, Track.TECHNICAL, "explorer");
		int revision = before.technical().items().get(0).revision();

		MvcTestResult page = this.mvc.get().uri("/gates/{id}", id).with(user(this.fixtures.login(stranger))).exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText()
			.doesNotContain("/gates/" + id + "/tracks/TECHNICAL/sign")
			.doesNotContain("/gates/" + id + "/tracks/TECHNICAL/items/");

		String code = before.technical().items().get(0).code();
		assertThat(this.mvc.post()
			.uri("/gates/{id}/tracks/TECHNICAL/items/{code}", id, code)
			.param("yes", "false")
			.param("value", "1")
			.param("revision", String.valueOf(revision))
			.with(user(this.fixtures.login(stranger)))
			.with(csrf())).hasStatus(403);
		assertThat(
				this.mvc.get().uri("/gates/{id}/tracks/TECHNICAL/sign", id).with(user(this.fixtures.login(stranger))))
			.hasStatus(403);
		assertThat(this.mvc.post()
			.uri("/gates/{id}/tracks/TECHNICAL/sign", id)
			.param("meaning", "APPROVE")
			.param("shownHash", before.technical().contentHash())
			.param("version", String.valueOf(before.version()))
			.param("password", GateFixtures.PASSWORD)
			.param("confirmed", "true")
			.with(user(this.fixtures.login(stranger)))
			.with(csrf())).hasStatus(403);
		assertThat(this.mvc.put()
			.uri("/api/v1/gates/{id}/tracks/TECHNICAL/items/{code}", id, code)
			.header("Authorization", "Bearer " + this.tokens.create(this.fixtures.userId(stranger), "pipeline"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"value\": false}")).hasStatus(403);

		GateView after = this.gates.get(id);
		assertThat(after.technical().contentHash()).isEqualTo(before.technical().contentHash());
		assertThat(after.technical().signatures()).isEmpty();
		assertThat(this.gates.queueOf(this.fixtures.userId(stranger))).extracting(GateView::id).doesNotContain(id);
	}

	@Test
	void theOwnerSeesTheControlsAnswersAndSigns() {
		long id = this.fixtures.open(this.fixtures.prototype(), "explorer").id();
		this.fixtures.answerPassing(id, Track.TECHNICAL, "explorer");
		assertThat(this.gates.queueOf(this.fixtures.userId("explorer"))).extracting(GateView::id).contains(id);

		MvcTestResult page = this.mvc.get()
			.uri("/gates/{id}", id)
			.with(user(this.fixtures.login("explorer")))
			.exchange();
		assertThat(page).bodyText()
			.contains("/gates/" + id + "/tracks/TECHNICAL/sign")
			.contains("/gates/" + id + "/tracks/TECHNICAL/items/")
			// The commercial track is the Delivery PM's.
			.doesNotContain("/gates/" + id + "/tracks/COMMERCIAL/sign");

		GateView signed = this.fixtures.sign(id, Track.TECHNICAL, "explorer", Meaning.APPROVE, null);
		assertThat(signed.technical().signed()).isTrue();
		assertThat(this.gates.queueOf(this.fixtures.userId("explorer"))).extracting(GateView::id).doesNotContain(id);
	}

	@Test
	void anAdminReassignsTheTrackAndTheOpenGateWaitsForTheNewPm() {
		String newPm = this.fixtures.person("newpm", Role.EXPLORATION_PM);
		String key = this.fixtures.prototype();
		long id = this.fixtures.open(key, "explorer").id();
		this.fixtures.answerPassing(id, Track.TECHNICAL, "explorer");
		this.fixtures.sign(id, Track.TECHNICAL, "explorer", Meaning.APPROVE, null);

		this.fixtures.reassign(key, newPm, "deliverer");

		GatePermissions old = this.gates.permissions(id, this.fixtures.userId("explorer"));
		GatePermissions fresh = this.gates.permissions(id, this.fixtures.userId(newPm));
		assertThat(old.mayAnswer(Track.TECHNICAL)).isFalse();
		assertThat(fresh.mayAnswer(Track.TECHNICAL)).isTrue();
		// The signature given before the reassignment stays valid.
		assertThat(this.gates.get(id).technical().signed()).isTrue();
	}

}
