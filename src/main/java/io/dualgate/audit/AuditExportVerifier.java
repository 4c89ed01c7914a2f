package io.dualgate.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * The offline verifier of an audit export: {@code java -jar dualgate.jar verify-audit
 * export.jsonl}. It needs neither a database nor a running DualGate. Every line must be
 * canonical JSON (so no character can change unnoticed), every event must match its hash
 * and link to its predecessor, and the manifest must count the events and name the last
 * hash. Exit status 0 when intact, 1 naming the first line that does not fit, 2 when the
 * file cannot be read.
 */
public final class AuditExportVerifier {

	/** The first argument that runs the verifier instead of the application. */
	public static final String COMMAND = "verify-audit";

	private static final Set<String> LINE_MEMBERS = Set.of("seq", "hashVersion", "payload", "prevHash", "hash");

	private static final Set<String> PAYLOAD_MEMBERS = Set.of("seq", "occurredAt", "actor", "action", "entityType",
			"entityId", "oldValue", "newValue", "reason");

	private static final Set<String> MANIFEST_MEMBERS = Set.of("format", "exportedAt", "filters", "count", "firstSeq",
			"lastSeq", "headHash", "contiguous", "digest");

	private AuditExportVerifier() {
	}

	/** Runs the command line; returns the exit status. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length != 2 || !COMMAND.equals(args[0])) {
			err.println("Usage: java -jar dualgate.jar " + COMMAND + " <export.jsonl>");
			return 2;
		}
		Path file = Path.of(args[1]);
		if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
			err.println("Cannot read " + file + ".");
			return 2;
		}
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)),
				1 << 16)) {
			Result result = verify(reader);
			if (result.intact()) {
				out.println(result.message());
				return 0;
			}
			err.println(result.message());
			return 1;
		}
		catch (IOException ex) {
			err.println("Cannot read " + file + ": " + ex.getMessage());
			return 2;
		}
	}

	/** Verifies an export read line by line; memory does not grow with its length. */
	static Result verify(BufferedReader reader) throws IOException {
		Chain chain = new Chain();
		long lineNumber = 0;
		while (true) {
			String line;
			try {
				line = reader.readLine();
			}
			catch (CharacterCodingException ex) {
				return Result.broken(lineNumber + 1, "is not UTF-8 text");
			}
			if (line == null) {
				break;
			}
			lineNumber++;
			if (chain.manifestSeen) {
				return Result.broken(lineNumber, "follows the manifest, which must be the last line");
			}
			String problem = chain.accept(line);
			if (problem != null) {
				return Result.broken(lineNumber, problem);
			}
		}
		if (!chain.manifestSeen) {
			return Result.broken(lineNumber + 1,
					"should be the manifest, but the file ends there: the export is incomplete");
		}
		return Result.intact(chain);
	}

	/** The events read so far and what the next one must link to. */
	private static final class Chain {

		long count;

		Long firstSeq;

		Long lastSeq;

		String lastHash;

		Long firstGapLine;

		long lines;

		boolean manifestSeen;

		String accept(String line) {
			this.lines++;
			JsonNode node;
			try {
				node = CanonicalJson.read(line);
			}
			catch (IllegalArgumentException ex) {
				return "is not valid JSON";
			}
			if (!node.isObject()) {
				return "is not a JSON object";
			}
			if (!CanonicalJson.canonicalize(line).equals(line)) {
				return "is not in canonical form, so it was changed after the export";
			}
			if (node.has("manifest")) {
				return manifest(node);
			}
			return event(node);
		}

		private String event(JsonNode line) {
			if (!members(line).equals(LINE_MEMBERS)) {
				return "does not have the members of an event (" + String.join(", ", new TreeSet<>(LINE_MEMBERS)) + ")";
			}
			JsonNode payload = line.get("payload");
			if (!payload.isObject() || !members(payload).equals(PAYLOAD_MEMBERS)) {
				return "has a payload without the members of an audit event";
			}
			if (!line.get("seq").isIntegralNumber() || !payload.get("seq").equals(line.get("seq"))) {
				return "has a seq that is not a whole number or differs from its payload's";
			}
			long seq = line.get("seq").asLong();
			String prevHash = text(line.get("prevHash"));
			String hash = text(line.get("hash"));
			if (prevHash == null || hash == null) {
				return "lacks its hash or previous hash";
			}
			String recomputed = recompute(line.get("hashVersion"), prevHash, payload);
			if (recomputed == null) {
				return "has an unknown hash version or a payload field of the wrong type";
			}
			if (!recomputed.equals(hash)) {
				return "does not match its hash: its content was changed";
			}
			if (this.lastSeq != null && seq <= this.lastSeq) {
				return "is out of order (seq " + seq + " after " + this.lastSeq + ")";
			}
			if (seq == 1 && !prevHash.equals(AuditChain.GENESIS_HASH)) {
				return "is the first event of the trail but does not start the chain";
			}
			if (this.lastSeq != null && seq == this.lastSeq + 1 && !prevHash.equals(this.lastHash)) {
				return "does not link to the event on the line before it";
			}
			if (this.lastSeq != null && seq != this.lastSeq + 1 && this.firstGapLine == null) {
				this.firstGapLine = this.lines;
			}
			if (this.firstSeq == null) {
				this.firstSeq = seq;
			}
			this.count++;
			this.lastSeq = seq;
			this.lastHash = hash;
			return null;
		}

		private String manifest(JsonNode line) {
			this.manifestSeen = true;
			JsonNode manifest = line.get("manifest");
			if (line.size() != 1 || !manifest.isObject() || !members(manifest).equals(MANIFEST_MEMBERS)
					|| !AuditExport.FORMAT.equals(text(manifest.get("format")))) {
				return "is not a manifest of format " + AuditExport.FORMAT;
			}
			Map<String, JsonNode> others = new TreeMap<>();
			manifest.properties().forEach((member) -> others.put(member.getKey(), member.getValue()));
			others.remove("digest");
			if (!AuditExport.digest(others).equals(text(manifest.get("digest")))) {
				return "is the manifest, and it does not match its digest: it was changed after the export";
			}
			if (!manifest.get("count").isIntegralNumber() || manifest.get("count").asLong() != this.count) {
				return "is the manifest, and it counts " + manifest.get("count") + " events where the file has "
						+ this.count;
			}
			if (!same(manifest.get("headHash"), this.lastHash) || !same(manifest.get("firstSeq"), this.firstSeq)
					|| !same(manifest.get("lastSeq"), this.lastSeq)) {
				return "is the manifest, and its head hash or sequence range differs from the events";
			}
			if (!manifest.get("contiguous").isBoolean()) {
				return "is the manifest, and it does not say whether the events are contiguous";
			}
			if (manifest.get("contiguous").asBoolean() && this.firstGapLine != null) {
				return "is the manifest, which says the events are contiguous, but events are missing before line "
						+ this.firstGapLine;
			}
			return null;
		}

		private static String recompute(JsonNode version, String prevHash, JsonNode payload) {
			if (!version.isIntegralNumber()) {
				return null;
			}
			if (version.asInt() == 2) {
				return AuditChain.hashV2(prevHash, CanonicalJson.canonicalize(payload.toString()));
			}
			if (version.asInt() == 1) {
				String[] fields = new String[PAYLOAD_MEMBERS.size()];
				fields[0] = Long.toString(payload.get("seq").asLong());
				String[] names = { "occurredAt", "actor", "action", "entityType", "entityId", "oldValue", "newValue",
						"reason" };
				for (int i = 0; i < names.length; i++) {
					JsonNode value = payload.get(names[i]);
					if (!value.isNull() && !value.isString()) {
						return null;
					}
					fields[i + 1] = text(value);
				}
				return AuditChain.hashV1(prevHash, fields);
			}
			return null;
		}

		private static boolean same(JsonNode value, Object expected) {
			if (expected == null) {
				return value.isNull();
			}
			if (expected instanceof Long number) {
				return value.isIntegralNumber() && value.asLong() == number;
			}
			return value.isString() && value.asString().equals(expected);
		}

		private static String text(JsonNode value) {
			return (value != null && value.isString()) ? value.asString() : null;
		}

		private static Set<String> members(JsonNode object) {
			return new TreeSet<>(object.propertyNames());
		}

	}

	/** What the verifier found. */
	record Result(boolean intact, Long badLine, String message) {

		static Result broken(long line, String problem) {
			return new Result(false, line, "Line " + line + " " + problem + ".");
		}

		static Result intact(Chain chain) {
			String range = (chain.count == 0) ? "no events" : chain.count + " events, seq " + chain.firstSeq + " to "
					+ chain.lastSeq + ", head hash " + chain.lastHash;
			return new Result(true, null, "Intact: " + range
					+ ". Compare the head hash with the one DualGate shows to be sure this is its trail.");
		}

	}

}
