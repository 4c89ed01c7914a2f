package io.dualgate.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.dualgate.shared.Sha256;

import org.springframework.stereotype.Service;

/**
 * Writes the audit events a filter selects as JSON Lines, oldest first, while they stream
 * from the database: one event per line (its seq, hash version, canonical payload,
 * previous hash and hash), then one manifest line with the count and the head hash. Every
 * line is RFC 8785 canonical JSON, so that {@link AuditExportVerifier} can recompute each
 * hash and notice any changed character without a database.
 */
@Service
class AuditExport {

	static final String FORMAT = "dualgate-audit-export/1";

	static final String MEDIA_TYPE = "application/jsonl";

	private final AuditTrail trail;

	private final Clock clock;

	AuditExport(AuditTrail trail, Clock clock) {
		this.trail = trail;
		this.clock = clock;
	}

	void write(AuditFilter filter, OutputStream out) throws IOException {
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
		Progress progress = new Progress();
		try {
			this.trail.stream(filter, (event) -> {
				try {
					writer.write(line(event));
					writer.write('\n');
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				progress.add(event);
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		writer.write(manifest(filter, this.clock.instant(), progress.count, progress.firstSeq, progress.lastSeq,
				progress.lastHash, progress.contiguous));
		writer.write('\n');
		writer.flush();
	}

	static String line(AuditEvent event) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("seq", event.seq());
		line.put("hashVersion", event.hashVersion());
		line.put("payload", AuditChain.payload(event));
		line.put("prevHash", event.prevHash());
		line.put("hash", event.hash());
		return CanonicalJson.write(line);
	}

	/**
	 * The last line: what was asked for, how many events were written, the first and last
	 * seq, the hash of the last event (the head) and whether the seqs are consecutive (an
	 * export filtered by person, subject or type is not).
	 */
	static String manifest(AuditFilter filter, Instant exportedAt, long count, Long firstSeq, Long lastSeq,
			String headHash, boolean contiguous) {
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("format", FORMAT);
		manifest.put("exportedAt", exportedAt.toString());
		manifest.put("filters", filter.describe());
		manifest.put("count", count);
		manifest.put("firstSeq", firstSeq);
		manifest.put("lastSeq", lastSeq);
		manifest.put("headHash", headHash);
		manifest.put("contiguous", contiguous);
		manifest.put("digest", digest(manifest));
		return CanonicalJson.write(Map.of("manifest", manifest));
	}

	/**
	 * SHA-256 of the manifest's other members (canonical JSON): a changed time or filter
	 * in the manifest is noticed like a changed event. It proves no authorship: compare
	 * the head hash with the one DualGate shows for that.
	 */
	static String digest(Map<String, ?> manifestWithoutDigest) {
		return Sha256.hex(CanonicalJson.write(manifestWithoutDigest));
	}

	private static final class Progress {

		long count;

		Long firstSeq;

		Long lastSeq;

		String lastHash;

		boolean contiguous = true;

		void add(AuditEvent event) {
			if (this.lastSeq != null && event.seq() != this.lastSeq + 1) {
				this.contiguous = false;
			}
			if (this.firstSeq == null) {
				this.firstSeq = event.seq();
			}
			this.count++;
			this.lastSeq = event.seq();
			this.lastHash = event.hash();
		}

	}

}
