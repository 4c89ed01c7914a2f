package io.dualgate.web;

import java.io.IOException;
import java.io.InputStream;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded font names every Chinese glyph after the character people write, so text
 * copied out of a PDF is the text that was written (门, not the radical ⻔).
 */
class CjkFontCmapTests {

	@Test
	void aGlyphSharedWithARadicalIsReachedFromTheIdeographOnly() throws IOException {
		byte[] original;
		try (InputStream in = new ClassPathResource("fonts/NotoSansSC-Regular.ttf").getInputStream()) {
			original = in.readAllBytes();
		}
		CmapLookup before = parse(original).getUnicodeCmapLookup();
		int door = before.getGlyphId('门');
		assertThat(before.getCharCodes(door)).first().isEqualTo(0x2ED4);

		byte[] rewritten = CjkFontCmap.preferUnifiedIdeographs(original);
		TrueTypeFont font = parse(rewritten);
		CmapLookup after = font.getUnicodeCmapLookup();
		assertThat(after.getGlyphId('门')).isEqualTo(door);
		assertThat(after.getCharCodes(door)).containsExactly((int) '门');
		// Everything else is as it was: Latin, digits, punctuation, other ideographs.
		for (int code : new int[] { 'A', 'z', '7', '：', '《', '批', '准', '鲁', '棒' }) {
			assertThat(after.getGlyphId(code)).as("glyph of %c", code).isEqualTo(before.getGlyphId(code));
		}
		assertThat(font.getNumberOfGlyphs()).isEqualTo(parse(original).getNumberOfGlyphs());
	}

	private static TrueTypeFont parse(byte[] font) throws IOException {
		return new TTFParser().parse(new RandomAccessReadBuffer(font));
	}

}
