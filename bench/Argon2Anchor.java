import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The signing benchmark's anchor: bare Argon2id checks per second with the parameters of a
 * stored hash (read from the database by the caller, so they are the application's own),
 * on as many threads as the application's password-check executor (the cores). Nothing
 * else runs: no HTTP, no database, no Spring.
 *
 * Run with the application's libraries on the class path (bench/sign-load.sh does):
 * {@code java -cp 'target/bench-lib/*' bench/Argon2Anchor.java <hash> <password> <threads> <seconds>}
 */
public class Argon2Anchor {

	public static void main(String[] args) throws Exception {
		String hash = args[0].replaceFirst("^\\{[^}]*\\}", "");
		String password = args[1];
		int threads = Integer.parseInt(args[2]);
		double seconds = Double.parseDouble(args[3]);
		// Spring Security's Argon2 encoder reads memory, iterations and parallelism from the
		// hash it matches against; the constructor's values only matter for encode().
		Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
		if (!encoder.matches(password, hash)) {
			throw new IllegalStateException("the password does not match the hash");
		}
		// warm-up: the Argon2 code is plain Java and needs the JIT
		long warmupEnd = System.nanoTime() + 3_000_000_000L;
		while (System.nanoTime() < warmupEnd) {
			encoder.matches(password, hash);
		}
		AtomicBoolean stop = new AtomicBoolean();
		AtomicLong checks = new AtomicLong();
		CountDownLatch done = new CountDownLatch(threads);
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			Thread worker = new Thread(() -> {
				while (!stop.get()) {
					if (encoder.matches(password, hash)) {
						checks.incrementAndGet();
					}
				}
				done.countDown();
			});
			workers.add(worker);
		}
		long start = System.nanoTime();
		workers.forEach(Thread::start);
		Thread.sleep((long) (seconds * 1000));
		stop.set(true);
		done.await();
		double elapsed = (System.nanoTime() - start) / 1e9;
		System.out.printf(java.util.Locale.ROOT, "argon2 anchor: %d checks in %.2f s on %d threads = %.1f checks/s%n",
				checks.get(), elapsed, threads, checks.get() / elapsed);
	}

}
