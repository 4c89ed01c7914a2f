package io.dualgate.learning.autonomy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.dualgate.IntegrationTest;
import io.dualgate.gate.GateFixtures;
import io.dualgate.learning.LearningFixtures;
import io.dualgate.metrics.Metrics;
import io.dualgate.people.ApiTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Level changes never race: two batches of feedback, each with a CRITICAL case, arriving
 * at the same moment lower a capability at ACT by exactly one step (not to SUGGEST, not
 * twice), with one entry in its history.
 */
@IntegrationTest
@Import(GateFixtures.class)
class AutonomyConcurrencyTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	GateFixtures gates;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Metrics metrics;

	@Autowired
	JdbcClient jdbc;

	LearningFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new LearningFixtures(this.gates, this.tokens, this.metrics, this.jdbc);
	}

	@RepeatedTest(3)
	void twoBatchesArrivingTogetherLowerALevelOnceByOneStep() throws Exception {
		String key = this.gates.prototype();
		this.fixtures.capability(key, "clause_extraction");
		this.jdbc.sql("""
				update capability set level = 'ACT', level_changed_at = now() - interval '1 day'
				where key = 'clause_extraction' and prototype_id = (select id from prototype where key = ?)""")
			.param(key)
			.update();
		String explorer = this.fixtures.bearer("explorer");
		String deliverer = this.fixtures.bearer("deliverer");
		Instant now = Instant.now();
		List<String> batches = List.of(critical("x", now.minusSeconds(30)), critical("y", now.minusSeconds(20)));
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				String body = batches.get(i);
				String bearer = (i == 0) ? explorer : deliverer;
				answers.add(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					MvcTestResult result = this.mvc.post()
						.uri("/api/v1/prototypes/{key}/feedback", key)
						.header(HttpHeaders.AUTHORIZATION, bearer)
						.contentType(MediaType.APPLICATION_JSON)
						.content(body)
						.exchange();
					return result.getResponse().getStatus();
				}));
			}
			for (Future<Integer> answer : answers) {
				assertThat(answer.get(60, TimeUnit.SECONDS)).as("both batches are stored").isEqualTo(201);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.fixtures.level(key, "clause_extraction")).isEqualTo("DRAFT_FOR_REVIEW");
		assertThat(this.fixtures.count("""
				select count(*) from autonomy_level_change h join capability c on c.id = h.capability_id
				where c.key = 'clause_extraction' and c.prototype_id = (select id from prototype where key = ?)""",
				key))
			.as("one change in the history")
			.isEqualTo(1);
		assertThat(this.fixtures.count("""
				select count(*) from feedback_case f join capability c on c.id = f.capability_id
				where c.key = 'clause_extraction' and f.prototype_id = (select id from prototype where key = ?)""",
				key))
			.as("no evidence lost")
			.isEqualTo(6);
	}

	private static String critical(String prefix, Instant at) {
		String fine = LearningFixtures.cases(prefix, "clause_extraction", 2, "ACCEPTED", "NONE", at.minusSeconds(5));
		return fine.substring(0, fine.length() - 1) + ", {\"case_id\": \"" + prefix
				+ "-critical\", \"capability\": \"clause_extraction\", \"outcome\": \"REJECTED\","
				+ " \"severity\": \"CRITICAL\", \"occurred_at\": \"" + at + "\"}]";
	}

}
