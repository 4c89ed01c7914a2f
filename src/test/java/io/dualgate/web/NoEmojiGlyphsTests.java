package io.dualgate.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Symbols that need an emoji or symbol font render as boxes where none is installed
 * (issue 12, item 10): icons are inline SVG from {@code fragments/icons.html}. The
 * browser walk ({@code AccessibilityTests}) sees a symbol only where the data makes it
 * show (a running delegation, an expired link); this reads every template and message
 * whatever the data, written as a character or as an HTML entity.
 */
class NoEmojiGlyphsTests {

	/** Hourglass, warning sign, check marks, arrows, shapes, emoji. */
	private static final Pattern SYMBOL = Pattern
		.compile("[\\x{2300}-\\x{23FF}\\x{2460}-\\x{27BF}\\x{2B00}-\\x{2BFF}\\x{1F000}-\\x{1FAFF}]");

	private static final Pattern ENTITY = Pattern.compile("&#(x[0-9a-fA-F]+|[0-9]+);");

	private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

	@Test
	void noTemplateOrMessageUsesASymbolThatNeedsAnEmojiFont() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".html") || f.toString().endsWith(".properties"))
				.toList()) {
				List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
				for (int i = 0; i < lines.size(); i++) {
					String line = decoded(lines.get(i));
					Matcher symbol = SYMBOL.matcher(line);
					while (symbol.find()) {
						found.add(file + ":" + (i + 1) + " " + symbol.group());
					}
				}
			}
		}
		assertThat(found).as("use an SVG icon from fragments/icons.html instead").isEmpty();
	}

	@Test
	void entitiesAndEscapesAreReadAsTheCharactersTheyStandFor() {
		assertThat(SYMBOL.matcher(decoded("<span>&#9654;</span>")).find()).isTrue();
		assertThat(SYMBOL.matcher(decoded("<span>&#x26A0;</span>")).find()).isTrue();
		assertThat(SYMBOL.matcher(decoded("state=\\u2713 done")).find()).isTrue();
		assertThat(SYMBOL.matcher(decoded("&#8212; and \\u4e2d")).find()).isFalse();
	}

	/** The line with numeric entities and Java escapes replaced by their characters. */
	private static String decoded(String line) {
		String entities = ENTITY.matcher(line).replaceAll((m) -> {
			String number = m.group(1);
			int code = number.startsWith("x") ? Integer.parseInt(number.substring(1), 16) : Integer.parseInt(number);
			return Matcher.quoteReplacement(Character.toString(code));
		});
		return ESCAPE.matcher(entities)
			.replaceAll((m) -> Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1), 16))));
	}

}
