package io.dualgate.gate;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import io.dualgate.gate.checklist.Answer;
import io.dualgate.people.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Fresh people and prototypes for one test, so that tests sharing the database do not
 * step on each other.
 */
@Component
public class GateFixtures {

	public static final String PASSWORD = "dualgate-demo";

	private static final AtomicInteger counter = new AtomicInteger();

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final UserDetailsService users;

	private final Gates gates;

	GateFixtures(JdbcClient jdbc, PasswordEncoder passwordEncoder, UserDetailsService users, Gates gates) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.users = users;
		this.gates = gates;
	}

	public long userId(String username) {
		return this.jdbc.sql("select id from app_user where lower(username) = lower(?)")
			.param(username)
			.query(Long.class)
			.single();
	}

	public UserDetails login(String username) {
		return this.users.loadUserByUsername(username);
	}

	/** A new active user with the demo password and the given roles. */
	public String person(String prefix, Role... roles) {
		String username = prefix + counter.incrementAndGet() + System.nanoTime() % 100000;
		long id = this.jdbc.sql("""
				insert into app_user (username, full_name, email, password_hash, reporting_line)
				values (?, ?, ?, ?, 'CPO') returning id""")
			.params(username, "Test " + username, username + "@test.example", this.passwordEncoder.encode(PASSWORD))
			.query(Long.class)
			.single();
		Arrays.stream(roles)
			.forEach((role) -> this.jdbc.sql("insert into user_role (user_id, role) values (?, ?)")
				.params(id, role.name())
				.update());
		return username;
	}

	/** A new prototype at stage PROTOTYPE with the demo PMs (or the ones given). */
	public String prototype(String explorationPm, String deliveryPm) {
		String key = "T" + counter.incrementAndGet() + "-" + (System.nanoTime() % 1000000);
		this.jdbc.sql("""
				insert into prototype (key, name, problem_statement, vertical, exploration_pm_id, delivery_pm_id, stage)
				values (?, ?, 'A test problem', 'Testing', ?, ?, 'PROTOTYPE')""")
			.params(key, "Prototype " + key, userId(explorationPm), userId(deliveryPm))
			.update();
		return key;
	}

	public String prototype() {
		return prototype("explorer", "deliverer");
	}

	/** Hands a prototype to other PMs, as an admin's edit would. */
	public void reassign(String key, String explorationPm, String deliveryPm) {
		this.jdbc.sql("update prototype set exploration_pm_id = ?, delivery_pm_id = ? where key = ?")
			.params(userId(explorationPm), userId(deliveryPm), key)
			.update();
	}

	public GateView open(String key, String byUsername) {
		return this.gates.open(key, userId(byUsername));
	}

	/** Answers every item of a track so that it passes. */
	public GateView answerPassing(long gateId, Track track, String byUsername) {
		GateView view = this.gates.get(gateId);
		for (ItemView item : view.track(track).items()) {
			if (item.kind() == io.dualgate.gate.checklist.ItemKind.COMPUTED) {
				continue; // computed from data, never answered
			}
			this.gates.answer(gateId, track, item.code(), passing(item), null, userId(byUsername), "FORM");
		}
		return this.gates.get(gateId);
	}

	public static Answer passing(ItemView item) {
		return switch (item.kind()) {
			case ATTESTATION -> Answer.yes(true);
			case EVIDENCE_LINK -> Answer.link("https://evidence.example/" + item.code());
			case MEASURE -> new Answer(null, switch (item.comparator()) {
				case ">=", "<=" -> item.threshold();
				case ">" -> item.threshold().add(BigDecimal.ONE);
				default -> item.threshold().subtract(new BigDecimal("0.01"));
			}, null);
			case COMPUTED -> throw new IllegalArgumentException("computed items are never answered: " + item.code());
		};
	}

	public GateView sign(long gateId, Track track, String username, Meaning meaning, String reason) {
		GateView view = this.gates.get(gateId);
		return this.gates.sign(gateId, track,
				new SignCommand(meaning, reason, view.track(track).contentHash(), view.version(), PASSWORD, true),
				userId(username));
	}

	public long validSignatures(long gateId, Track track) {
		return this.jdbc.sql("select count(*) from gate_signature where gate_id = ? and track = ? and valid")
			.params(gateId, track.name())
			.query(Long.class)
			.single();
	}

	public String stageOf(String key) {
		return this.jdbc.sql("select stage from prototype where key = ?").param(key).query(String.class).single();
	}

}
