package io.dualgate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A landed migration is never changed: every file under {@code db/migration} has its
 * SHA-256 in {@code db/migration.sha256}, and matches it. (That lines of the list are
 * only ever added is checked against the git history by {@code .ci/check-migrations}.)
 */
class MigrationManifestTests {

	static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	static final Path MANIFEST = Path.of("src/main/resources/db/migration.sha256");

	@Test
	void everyMigrationIsListedWithItsHashAndNothingListedIsGone() throws IOException {
		Map<String, String> listed = listed();
		Map<String, String> actual = new TreeMap<>();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			for (Path file : files.toList()) {
				actual.put(file.getFileName().toString(), sha256(Files.readAllBytes(file)));
			}
		}
		assertThat(actual.keySet())
			.as("migrations missing from %s: append a line with `sha256sum V.._name.sql >> ../migration.sha256`",
					MANIFEST)
			.isSubsetOf(listed.keySet());
		assertThat(listed.keySet()).as("listed in %s but gone: a landed migration is never removed", MANIFEST)
			.isSubsetOf(actual.keySet());
		actual.forEach((name, hash) -> assertThat(hash)
			.as("%s differs from the version that landed: never edit a migration, add one that corrects it", name)
			.isEqualTo(listed.get(name)));
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> listed() throws IOException {
		Map<String, String> listed = new LinkedHashMap<>();
		List<String> lines = Files.readAllLines(MANIFEST);
		for (String line : lines) {
			if (line.isBlank()) {
				continue;
			}
			String[] parts = line.split("\\s+", 2);
			assertThat(parts).as("line '%s' of %s is '<sha256>  <file>'", line, MANIFEST).hasSize(2);
			String previous = listed.put(parts[1].replaceFirst("^\\*", ""), parts[0]);
			assertThat(previous).as("%s is listed twice", parts[1]).isNull();
		}
		return listed;
	}

}
