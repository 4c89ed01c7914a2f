package io.dualgate.alignment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.dualgate.alignment.DashboardDataVersion.DataState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizer;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard cache as configured ({@link DashboardCacheConfiguration}): figures are
 * computed once per data state, again when the version moves or time reaches
 * {@code validUntil}, and concurrent requests share one computation. No database: the
 * figures here are counted calls.
 */
class DashboardCacheTests {

	static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

	private AnnotationConfigApplicationContext context;

	private Figures figures;

	@BeforeEach
	void start() {
		this.context = new AnnotationConfigApplicationContext(TestConfiguration.class);
		this.figures = this.context.getBean(Figures.class);
	}

	@AfterEach
	void stop() {
		this.context.close();
	}

	@Test
	void computesOncePerStateAndAgainWhenTheVersionMoves() {
		DataState state = new DataState(7, NOW.plus(Duration.ofHours(1)));
		assertThat(this.figures.report("filter A", state)).isEqualTo(1);
		assertThat(this.figures.report("filter A", state)).isEqualTo(1);
		assertThat(this.figures.report("filter B", state)).as("another filter").isEqualTo(2);
		assertThat(this.figures.report("filter A", new DataState(8, state.validUntil()))).as("new data").isEqualTo(3);
		assertThat(this.figures.calls()).isEqualTo(3);
	}

	@Test
	void figuresThatTimeAloneChangesAreComputedAgainAtValidUntil() {
		// the state read after the boundary names the next one: a new key
		DataState before = new DataState(7, NOW.plus(Duration.ofHours(1)));
		DataState after = new DataState(7, NOW.plus(Duration.ofHours(5)));
		assertThat(this.figures.report("filter", before)).isEqualTo(1);
		assertThat(this.figures.report("filter", after)).isEqualTo(2);
		// and an entry whose validUntil has passed leaves the cache (Caffeine's expiry)
		DataState expired = new DataState(7, NOW.minusSeconds(1));
		assertThat(this.figures.report("filter", expired)).isEqualTo(3);
		assertThat(this.figures.report("filter", expired)).isEqualTo(4);
	}

	@Test
	void concurrentRequestsShareOneComputation() throws Exception {
		DataState state = new DataState(9, Instant.MAX);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> answers = new java.util.ArrayList<>();
			for (int i = 0; i < 8; i++) {
				answers.add(pool.submit(() -> {
					this.figures.arrive();
					return this.figures.slowReport("filter", state);
				}));
			}
			for (Future<Integer> answer : answers) {
				assertThat(answer.get()).isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.figures.calls()).isEqualTo(1);
	}

	@Configuration(proxyBeanMethods = false)
	@Import(DashboardCacheConfiguration.class)
	static class TestConfiguration {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

		/** What Boot's cache auto-configuration does with the customizers. */
		@Bean
		CacheManager cacheManager(List<CacheManagerCustomizer<CaffeineCacheManager>> customizers) {
			CaffeineCacheManager manager = new CaffeineCacheManager();
			customizers.forEach((customizer) -> customizer.customize(manager));
			return manager;
		}

		@Bean
		Figures figures() {
			return new Figures();
		}

	}

	static class Figures {

		// (the bean is a caching proxy: read its state through methods, not fields)
		private final AtomicInteger calls = new AtomicInteger();

		private final CountDownLatch arrived = new CountDownLatch(8);

		public int calls() {
			return this.calls.get();
		}

		public void arrive() {
			this.arrived.countDown();
		}

		@Cacheable(cacheNames = DashboardCacheConfiguration.CACHE, keyGenerator = DashboardCacheConfiguration.KEYS,
				sync = true)
		public int report(String filter, DataState state) {
			return this.calls.incrementAndGet();
		}

		@Cacheable(cacheNames = DashboardCacheConfiguration.CACHE, keyGenerator = DashboardCacheConfiguration.KEYS,
				sync = true)
		public int slowReport(String filter, DataState state) throws InterruptedException {
			// the computation lasts until every caller has arrived
			assertThat(this.arrived.await(10, TimeUnit.SECONDS)).isTrue();
			return this.calls.incrementAndGet();
		}

	}

}
