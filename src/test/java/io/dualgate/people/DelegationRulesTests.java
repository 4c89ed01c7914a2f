package io.dualgate.people;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import io.dualgate.IntegrationTest;
import io.dualgate.gate.GateFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The rules of a new delegation, the same for the profile form and the API: a delegate
 * without the role, oneself, an end before the start, overlapping delegations of the same
 * track and a period over 90 days are refused with a message on the field; nothing is
 * saved. Admins set one for an absent PM; nobody else names someone else's signing, and
 * only its delegator (or an admin) revokes one.
 */
@IntegrationTest
class DelegationRulesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	GateFixtures fixtures;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theApiRefusesEachBadDelegationNamingTheFieldAndSavesNothing() {
		String pm = this.fixtures.person("dpm", Role.EXPLORATION_PM);
		String other = this.fixtures.person("dot", Role.EXPLORATION_PM);
		String deliveryOnly = this.fixtures.person("ddo", Role.DELIVERY_PM);
		String token = this.tokens.create(this.fixtures.userId(pm), "delegations");
		Instant now = Instant.now();

		assertRefused(token, body("TECHNICAL", deliveryOnly, null, now.plus(Duration.ofDays(7)), "leave"), "delegate",
				"delegation.delegate.role");
		assertRefused(token, body("TECHNICAL", pm, null, now.plus(Duration.ofDays(7)), "leave"), "delegate",
				"delegation.delegate.self");
		assertRefused(token, body("TECHNICAL", "nobody-" + System.nanoTime(), null, now.plus(Duration.ofDays(7)), "x"),
				"delegate", "delegation.delegate.unknown");
		assertRefused(token,
				body("TECHNICAL", other, now.plus(Duration.ofDays(3)), now.plus(Duration.ofDays(2)), "leave"), "until",
				"delegation.until.beforeFrom");
		assertRefused(token, body("TECHNICAL", other, null, now.plus(Duration.ofDays(91)), "leave"), "until",
				"delegation.until.tooLong");
		assertRefused(token, body("TECHNICAL", other, null, now.plus(Duration.ofDays(7)), " "), "reason",
				"delegation.reason.required");
		// a Delivery PM role is not the technical track's: the delegator lacks it
		assertRefused(token, body("COMMERCIAL", other, null, now.plus(Duration.ofDays(7)), "leave"), "track",
				"delegation.delegator.role");
		assertThat(delegationsOf(pm)).isZero();

		assertThat(post(token, body("TECHNICAL", other, null, now.plus(Duration.ofDays(7)), "leave"))).hasStatus(201);
		assertRefused(token,
				body("TECHNICAL", other, now.plus(Duration.ofDays(6)), now.plus(Duration.ofDays(10)), "more leave"),
				"from", "delegation.overlap");
		assertThat(delegationsOf(pm)).isOne();
		// the delegate is told
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc
				.sql("select count(*) from notification where recipient_id = ? and type = 'DELEGATION_GRANTED'")
				.param(this.fixtures.userId(other))
				.query(Long.class)
				.single() == 1);
	}

	@Test
	void theProfileFormShowsTheMessageNextToTheField() throws Exception {
		String pm = this.fixtures.person("fpm", Role.EXPLORATION_PM);
		String deliveryOnly = this.fixtures.person("fdo", Role.DELIVERY_PM);
		String until = LocalDateTime.now(ZoneOffset.UTC).plusDays(7).truncatedTo(ChronoUnit.MINUTES).toString();
		MvcTestResult result = this.mvc.post()
			.uri("/profile/delegations")
			.param("track", "TECHNICAL")
			.param("delegate", deliveryOnly)
			.param("until", until)
			.param("reason", "leave")
			.with(user(this.fixtures.login(pm)))
			.with(csrf())
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("id=\"delegate-error\"")
			.contains("The delegate must hold the role that signs the TECHNICAL track.");
		MvcTestResult missing = this.mvc.post()
			.uri("/profile/delegations")
			.param("track", "TECHNICAL")
			.param("delegate", deliveryOnly)
			.param("reason", "leave")
			.with(user(this.fixtures.login(pm)))
			.with(csrf())
			.exchange();
		assertThat(missing).bodyText().contains("id=\"until-error\"", "Give the end of the period.");
		assertThat(delegationsOf(pm)).isZero();
	}

	@Test
	void adminsSetADelegationForAnAbsentPmAndOnlyTheDelegatorOrAnAdminRevokesIt() {
		String absent = this.fixtures.person("abs", Role.DELIVERY_PM);
		String standIn = this.fixtures.person("sti", Role.DELIVERY_PM);
		String stranger = this.fixtures.person("str", Role.DELIVERY_PM);
		Instant until = Instant.now().plus(Duration.ofDays(14));
		String strangerToken = this.tokens.create(this.fixtures.userId(stranger), "delegations");
		assertThat(post(strangerToken, body("COMMERCIAL", standIn, null, until, "sick leave", absent))).hasStatus(403);
		assertThat(delegationsOf(absent)).isZero();

		String adminToken = this.tokens.create(this.fixtures.userId("admin"), "delegations");
		MvcTestResult created = post(adminToken, body("COMMERCIAL", standIn, null, until, "sick leave", absent));
		assertThat(created).hasStatus(201);
		assertThat(created).bodyJson().extractingPath("$.delegatorName").isEqualTo("Test " + absent);
		long id = delegationId(absent);

		assertThat(this.mvc.post()
			.uri("/api/v1/delegations/{id}/revoke", id)
			.header("Authorization", "Bearer " + strangerToken)
			.exchange()).hasStatus(403);
		assertThat(this.mvc.post()
			.uri("/profile/delegations/{id}/revoke", id)
			.with(user(this.fixtures.login(stranger)))
			.with(csrf())).hasStatus(403);
		assertThat(this.mvc.post()
			.uri("/admin/delegations/{id}/revoke", id)
			.with(user(this.fixtures.login("admin")))
			.with(csrf())).hasStatus3xxRedirection();
		assertThat(this.jdbc.sql("select revoked_at is not null from delegation where id = ?")
			.param(id)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.mvc.get().uri("/admin/delegations").with(user(this.fixtures.login("admin"))).exchange())
			.bodyText()
			.contains("Test " + absent, "Test " + standIn, "Revoked");
	}

	private void assertRefused(String token, String json, String field, String code) {
		MvcTestResult result = post(token, json);
		assertThat(result).as(code).hasStatus(422);
		assertThat(result).bodyJson().extractingPath("$.field").isEqualTo(field);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
	}

	private MvcTestResult post(String token, String json) {
		return this.mvc.post()
			.uri("/api/v1/delegations")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	private static String body(String track, String delegate, Instant from, Instant until, String reason) {
		return body(track, delegate, from, until, reason, null);
	}

	private static String body(String track, String delegate, Instant from, Instant until, String reason,
			String delegator) {
		return "{\"track\":\"" + track + "\",\"delegate\":\"" + delegate + "\""
				+ ((from != null) ? ",\"from\":\"" + from + "\"" : "") + ",\"until\":\"" + until + "\",\"reason\":\""
				+ reason + "\"" + ((delegator != null) ? ",\"delegator\":\"" + delegator + "\"" : "") + "}";
	}

	private long delegationsOf(String username) {
		return this.jdbc.sql("select count(*) from delegation where delegator_id = ?")
			.param(this.fixtures.userId(username))
			.query(Long.class)
			.single();
	}

	private long delegationId(String username) {
		return this.jdbc.sql("select max(id) from delegation where delegator_id = ?")
			.param(this.fixtures.userId(username))
			.query(Long.class)
			.single();
	}

}
