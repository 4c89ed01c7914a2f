package io.dualgate.people;

import java.security.MessageDigest;
import java.util.Base64;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id exactly as Spring Security's {@link Argon2PasswordEncoder} (the same hashes,
 * the same parameters read from each stored hash, the same constant-time comparison),
 * except that checking a password reuses the memory of earlier checks: Argon2 fills 16
 * MiB per check, which at dozens of signatures a second came to a gigabyte of garbage a
 * second for the collector. The work areas are kept in a pool sized for the hashing
 * threads ({@link BoundedPasswordEncoder}) and wiped when a check returns them. New
 * hashes are made by Spring Security's encoder.
 */
final class PooledArgon2PasswordEncoder implements PasswordEncoder {

	private static final Log logger = LogFactory.getLog(PooledArgon2PasswordEncoder.class);

	/** Argon2 works in blocks of 1 KiB. */
	private static final int BLOCK_KIB = 1;

	private final Argon2PasswordEncoder encoder;

	private final Argon2BytesGenerator.BlockPool pool;

	/**
	 * @param encoder makes new hashes (its parameters apply to them only)
	 * @param threads how many checks run at once
	 * @param memoryKib the memory of one check to keep per thread
	 */
	PooledArgon2PasswordEncoder(Argon2PasswordEncoder encoder, int threads, int memoryKib) {
		this.encoder = encoder;
		this.pool = new Argon2BytesGenerator.FixedBlockPool(threads * memoryKib / BLOCK_KIB);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return this.encoder.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (encodedPassword == null) {
			logger.warn("password hash is null");
			return false;
		}
		Hash hash;
		try {
			hash = Hash.decode(encodedPassword);
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Malformed password hash", ex);
			return false;
		}
		Argon2Parameters parameters = new Argon2Parameters.Builder(hash.type()).withVersion(hash.version())
			.withMemoryAsKB(hash.memoryKib())
			.withIterations(hash.iterations())
			.withParallelism(hash.parallelism())
			.withSalt(hash.salt())
			.withBlockPool(this.pool)
			.build();
		Argon2BytesGenerator generator = new Argon2BytesGenerator();
		generator.init(parameters);
		byte[] actual = new byte[hash.hash().length];
		generator.generateBytes(rawPassword.toString().toCharArray(), actual);
		return MessageDigest.isEqual(hash.hash(), actual);
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.encoder.upgradeEncoding(encodedPassword);
	}

	/**
	 * A stored hash in the PHC string format Spring Security writes:
	 * {@code $argon2id$v=19$m=16384,t=2,p=1$<salt>$<hash>} (Base64 without padding).
	 */
	record Hash(int type, int version, int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

		static Hash decode(String encoded) {
			String[] parts = encoded.split("\\$");
			if (parts.length < 4 || !parts[0].isEmpty()) {
				throw new IllegalArgumentException("Invalid encoded Argon2-hash");
			}
			int type = switch (parts[1]) {
				case "argon2d" -> Argon2Parameters.ARGON2_d;
				case "argon2i" -> Argon2Parameters.ARGON2_i;
				case "argon2id" -> Argon2Parameters.ARGON2_id;
				default -> throw new IllegalArgumentException("Invalid algorithm type: " + parts[1]);
			};
			int current = 2;
			int version = Argon2Parameters.ARGON2_VERSION_10;
			if (parts[current].startsWith("v=")) {
				version = Integer.parseInt(parts[current].substring(2));
				current++;
			}
			if (parts.length != current + 3) {
				throw new IllegalArgumentException("Invalid encoded Argon2-hash");
			}
			int memory = -1;
			int iterations = -1;
			int parallelism = -1;
			for (String parameter : parts[current].split(",")) {
				String[] pair = parameter.split("=", 2);
				if (pair.length != 2) {
					throw new IllegalArgumentException("Invalid parameter: " + parameter);
				}
				int value = Integer.parseInt(pair[1]);
				switch (pair[0]) {
					case "m" -> memory = value;
					case "t" -> iterations = value;
					case "p" -> parallelism = value;
					default -> throw new IllegalArgumentException("Invalid parameter: " + pair[0]);
				}
			}
			if (memory < 1 || iterations < 1 || parallelism < 1) {
				throw new IllegalArgumentException("Invalid encoded Argon2-hash");
			}
			Base64.Decoder base64 = Base64.getDecoder();
			return new Hash(type, version, memory, iterations, parallelism, base64.decode(parts[current + 1]),
					base64.decode(parts[current + 2]));
		}

	}

}
