package io.dualgate.people;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pooled Argon2id check answers exactly as Spring Security's encoder, for hashes it
 * made with any parameters, however often the pooled memory is reused.
 */
class PooledArgon2PasswordEncoderTests {

	private final Argon2PasswordEncoder spring = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

	private final PooledArgon2PasswordEncoder pooled = new PooledArgon2PasswordEncoder(this.spring, 2,
			LoginConfiguration.ARGON2_MEMORY_KIB);

	@Test
	void acceptsTheRightPasswordAndRefusesAWrongOneForSpringSecurityHashes() {
		String hash = this.spring.encode("correct-horse-battery");
		assertThat(this.pooled.matches("correct-horse-battery", hash)).isTrue();
		assertThat(this.pooled.matches("correct-horse-batterY", hash)).isFalse();
		assertThat(this.pooled.matches("", hash)).isFalse();
	}

	@Test
	void readsTheParametersFromTheStoredHash() {
		// a hash made with other parameters (more memory, three lanes) than new ones get
		Argon2PasswordEncoder other = new Argon2PasswordEncoder(16, 32, 3, 1 << 15, 3);
		String hash = other.encode("密码-correct-horse");
		assertThat(hash).contains("m=32768,t=3,p=3");
		assertThat(this.pooled.matches("密码-correct-horse", hash)).isTrue();
		assertThat(this.pooled.matches("密码-correct-hors", hash)).isFalse();
	}

	@Test
	void newHashesAreSpringSecuritysAndStillMatchThere() {
		String hash = this.pooled.encode("correct-horse-battery");
		assertThat(hash).startsWith("$argon2id$v=19$m=16384,t=2,p=1$");
		assertThat(this.spring.matches("correct-horse-battery", hash)).isTrue();
	}

	@Test
	void reusedMemoryNeverChangesAnAnswer() throws Exception {
		String hash = this.spring.encode("correct-horse-battery");
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<Boolean>> answers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				String password = (i % 2 == 0) ? "correct-horse-battery" : "wrong-horse-battery";
				answers.add(threads.submit(() -> this.pooled.matches(password, hash)));
			}
			for (int i = 0; i < answers.size(); i++) {
				assertThat(answers.get(i).get(60, TimeUnit.SECONDS)).as("check %d", i).isEqualTo(i % 2 == 0);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void aMalformedHashMatchesNothing() {
		assertThat(this.pooled.matches("x", "$argon2id$v=19$m=16384$salt")).isFalse();
		assertThat(this.pooled.matches("x", "$scrypt$v=19$m=16384,t=2,p=1$c2FsdA$aGFzaA")).isFalse();
		assertThat(this.pooled.matches("x", null)).isFalse();
	}

}
