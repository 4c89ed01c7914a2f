package io.dualgate.web;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes text copied out of a PDF read as the characters that were written. In Noto Sans
 * SC a radical (U+2F8A KANGXI RADICAL ..., U+2E8F ...) shares its glyph with the common
 * ideograph it looks like; PDFBox, writing a document's ToUnicode map, names each glyph
 * after the lowest code point that reaches it, so "门" would be extracted (copied,
 * searched, read aloud) as the radical "⻔". This rewrites the font's character map (in
 * memory; the file in the jar is the original) so that a glyph shared with a unified
 * ideograph (U+4E00 to U+9FFF) is reached from that ideograph only. The font keeps its
 * outlines; only the radicals and the few Extension A characters drawn with the same
 * glyph lose their mapping, characters that ordinary text does not use.
 */
final class CjkFontCmap {

	private CjkFontCmap() {
	}

	static byte[] preferUnifiedIdeographs(byte[] font) {
		ByteBuffer in = ByteBuffer.wrap(font);
		int numTables = in.getShort(4) & 0xFFFF;
		Map<String, int[]> tables = new java.util.LinkedHashMap<>();
		for (int i = 0; i < numTables; i++) {
			int record = 12 + 16 * i;
			String tag = new String(font, record, 4, java.nio.charset.StandardCharsets.US_ASCII);
			tables.put(tag, new int[] { in.getInt(record + 8), in.getInt(record + 12) });
		}
		int[] cmap = tables.get("cmap");
		if (cmap == null) {
			return font;
		}
		TreeMap<Integer, Integer> mappings = format12(in, cmap[0]);
		if (mappings.isEmpty()) {
			return font;
		}
		Map<Integer, Integer> unifiedByGlyph = new HashMap<>();
		mappings.forEach((code, glyph) -> {
			if (code >= 0x4E00 && code <= 0x9FFF) {
				unifiedByGlyph.putIfAbsent(glyph, code);
			}
		});
		mappings.entrySet().removeIf((e) -> {
			Integer unified = unifiedByGlyph.get(e.getValue());
			return unified != null && e.getKey() < unified;
		});
		Map<String, byte[]> contents = new java.util.LinkedHashMap<>();
		tables.forEach(
				(tag, where) -> contents.put(tag, java.util.Arrays.copyOfRange(font, where[0], where[0] + where[1])));
		contents.put("cmap", cmapTable(mappings));
		return assemble(font, contents);
	}

	/** The code point to glyph mappings of the (3,10) or (0,4) format 12 subtable. */
	private static TreeMap<Integer, Integer> format12(ByteBuffer in, int offset) {
		TreeMap<Integer, Integer> mappings = new TreeMap<>();
		int count = in.getShort(offset + 2) & 0xFFFF;
		for (int i = 0; i < count; i++) {
			int record = offset + 4 + 8 * i;
			int platform = in.getShort(record) & 0xFFFF;
			int encoding = in.getShort(record + 2) & 0xFFFF;
			int subtable = offset + in.getInt(record + 4);
			boolean unicodeFull = (platform == 3 && encoding == 10) || (platform == 0 && encoding == 4);
			if (unicodeFull && (in.getShort(subtable) & 0xFFFF) == 12) {
				long groups = in.getInt(subtable + 12) & 0xFFFFFFFFL;
				for (long g = 0; g < groups; g++) {
					int group = (int) (subtable + 16 + 12 * g);
					int start = in.getInt(group);
					int end = in.getInt(group + 4);
					int glyph = in.getInt(group + 8);
					for (int code = start; code <= end; code++) {
						mappings.put(code, glyph + code - start);
					}
				}
				return mappings;
			}
		}
		return mappings;
	}

	/** A cmap with one format 12 subtable, reached as (0,4) and (3,10). */
	private static byte[] cmapTable(TreeMap<Integer, Integer> mappings) {
		List<int[]> groups = new ArrayList<>();
		int[] current = null;
		for (Map.Entry<Integer, Integer> e : mappings.entrySet()) {
			int code = e.getKey();
			int glyph = e.getValue();
			if (current != null && code == current[1] + 1 && glyph == current[2] + (code - current[0])) {
				current[1] = code;
			}
			else {
				current = new int[] { code, code, glyph };
				groups.add(current);
			}
		}
		int subtableLength = 16 + 12 * groups.size();
		ByteBuffer out = ByteBuffer.allocate(4 + 8 * 2 + subtableLength);
		out.putShort((short) 0).putShort((short) 2);
		out.putShort((short) 0).putShort((short) 4).putInt(20);
		out.putShort((short) 3).putShort((short) 10).putInt(20);
		out.putShort((short) 12).putShort((short) 0).putInt(subtableLength).putInt(0).putInt(groups.size());
		for (int[] group : groups) {
			out.putInt(group[0]).putInt(group[1]).putInt(group[2]);
		}
		return out.array();
	}

	/** An sfnt with the given tables, offsets and checksums recomputed. */
	private static byte[] assemble(byte[] original, Map<String, byte[]> tables) {
		int numTables = tables.size();
		int size = 12 + 16 * numTables;
		for (byte[] table : tables.values()) {
			size += (table.length + 3) & ~3;
		}
		ByteBuffer out = ByteBuffer.allocate(size);
		out.put(original, 0, 12);
		int offset = 12 + 16 * numTables;
		int headOffset = -1;
		for (Map.Entry<String, byte[]> e : new TreeMap<>(tables).entrySet()) {
			byte[] table = e.getValue();
			if (e.getKey().equals("head")) {
				// checkSumAdjustment is computed over the whole font with it zeroed
				ByteBuffer.wrap(table).putInt(8, 0);
				headOffset = offset;
			}
			out.put(e.getKey().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			out.putInt(checksum(table, 0, table.length));
			out.putInt(offset);
			out.putInt(table.length);
			int directory = out.position();
			out.position(offset);
			out.put(table);
			offset += (table.length + 3) & ~3;
			out.position(directory);
		}
		byte[] font = out.array();
		if (headOffset >= 0) {
			int adjustment = (int) (0xB1B0AFBAL - (checksum(font, 0, font.length) & 0xFFFFFFFFL));
			ByteBuffer.wrap(font).putInt(headOffset + 8, adjustment);
		}
		return font;
	}

	private static int checksum(byte[] data, int from, int length) {
		long sum = 0;
		for (int i = from; i < from + length; i += 4) {
			long word = 0;
			for (int b = 0; b < 4; b++) {
				word = (word << 8) | ((i + b < from + length) ? (data[i + b] & 0xFF) : 0);
			}
			sum += word;
		}
		return (int) sum;
	}

}
