package io.dualgate.people;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * However many people check a password at once, at most as many hashes run as the pool
 * has threads; the answers are the delegate's.
 */
class BoundedPasswordEncoderTests {

	@Test
	void neverRunsMoreHashesAtOnceThanItHasThreads() throws Exception {
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		CountDownLatch manyWaiting = new CountDownLatch(1);
		PasswordEncoder slow = new PasswordEncoder() {

			@Override
			public String encode(CharSequence rawPassword) {
				return "x" + rawPassword;
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
				try {
					// hold the hashing thread until every caller has queued up
					manyWaiting.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				running.decrementAndGet();
				return encodedPassword.equals("x" + rawPassword);
			}

		};
		BoundedPasswordEncoder encoder = new BoundedPasswordEncoder(slow, 2);
		ExecutorService callers = Executors.newFixedThreadPool(12);
		try {
			List<Future<Boolean>> answers = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				String password = (i % 4 == 0) ? "wrong" : "right";
				answers.add(callers.submit(() -> encoder.matches(password, "xright")));
			}
			// two run, ten wait, and it stays so while the two hold their threads
			await().atMost(Duration.ofSeconds(10)).until(() -> running.get() == 2);
			await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> running.get() == 2);
			manyWaiting.countDown();
			List<Boolean> results = new ArrayList<>();
			for (Future<Boolean> answer : answers) {
				results.add(answer.get(30, TimeUnit.SECONDS));
			}
			assertThat(mostAtOnce.get()).isEqualTo(2);
			assertThat(results).filteredOn((ok) -> ok).hasSize(9);
		}
		finally {
			callers.shutdownNow();
			encoder.destroy();
		}
	}

	@Test
	void answersAsTheArgon2EncoderWithTheSameParameters() {
		Argon2PasswordEncoder argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
		BoundedPasswordEncoder encoder = new BoundedPasswordEncoder(argon2, 1);
		try {
			String hash = encoder.encode("correct-horse-battery");
			assertThat(hash).startsWith("$argon2id$v=19$m=16384,t=2,p=1$");
			assertThat(encoder.matches("correct-horse-battery", hash)).isTrue();
			assertThat(encoder.matches("correct-horse-batteries", hash)).isFalse();
			assertThat(argon2.matches("correct-horse-battery", hash)).isTrue();
		}
		finally {
			encoder.destroy();
		}
	}

	@Test
	void passesTheDelegatesRefusalOnToTheCaller() {
		PasswordEncoder refusing = new PasswordEncoder() {

			@Override
			public String encode(CharSequence rawPassword) {
				throw new IllegalArgumentException("too long");
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				return false;
			}

		};
		BoundedPasswordEncoder encoder = new BoundedPasswordEncoder(refusing, 1);
		try {
			assertThatIllegalArgumentException().isThrownBy(() -> encoder.encode("x")).withMessage("too long");
		}
		finally {
			encoder.destroy();
		}
	}

}
