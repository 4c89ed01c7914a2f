package io.dualgate.people;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Runs every password hash (Argon2id: slow and memory-hard on purpose) on a fixed pool of
 * as many threads as the machine has cores, and makes the caller wait for it. However
 * many people sign, log in or change their password at once, at most that many hashes
 * run, so page requests keep CPU time and the heap never holds more than that many Argon2
 * work areas (16 MiB each). The caller waits without holding a database connection (see
 * {@link People#checkPassword(long, String, String)}). Parameters are those of the
 * delegate: nothing about the hash changes.
 */
final class BoundedPasswordEncoder implements PasswordEncoder, DisposableBean {

	private final PasswordEncoder delegate;

	private final ExecutorService executor;

	private final int threads;

	BoundedPasswordEncoder(PasswordEncoder delegate, int threads) {
		if (threads < 1) {
			throw new IllegalArgumentException("at least one password hashing thread is needed");
		}
		this.delegate = delegate;
		this.threads = threads;
		AtomicInteger count = new AtomicInteger();
		this.executor = Executors.newFixedThreadPool(threads, (task) -> {
			Thread thread = new Thread(task, "password-hash-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	int threads() {
		return this.threads;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return run(() -> this.delegate.encode(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return run(() -> this.delegate.matches(rawPassword, encodedPassword));
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

	private <T> T run(Callable<T> hashing) {
		Future<T> result = this.executor.submit(hashing);
		try {
			return result.get();
		}
		catch (InterruptedException ex) {
			result.cancel(true);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for a password check", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}
