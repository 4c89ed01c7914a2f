package io.dualgate.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline verifier, on exports built here: a chain that mixes rows hashed before
 * (version 1) and after (version 2) canonical JSON, then every way a line can stop
 * fitting.
 */
class AuditExportVerifierTests {

	private static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123456Z");

	@Test
	void anIntactExportVerifiesAcrossBothHashVersions() throws IOException {
		List<String> lines = export(chain(6, 3), true);
		AuditExportVerifier.Result result = verify(lines);
		assertThat(result.intact()).as(result.message()).isTrue();
		assertThat(result.message()).startsWith("Intact: 6 events, seq 1 to 6, head hash ");
	}

	@Test
	void changingAnyOneCharacterOfAnyLineIsNamedAtThatLine() throws IOException {
		List<String> lines = export(chain(4, 2), true);
		for (int lineIndex = 0; lineIndex < lines.size(); lineIndex++) {
			String line = lines.get(lineIndex);
			for (int at = 0; at < line.length(); at++) {
				char replacement = (line.charAt(at) == 'a') ? 'b' : 'a';
				List<String> tampered = new ArrayList<>(lines);
				tampered.set(lineIndex, line.substring(0, at) + replacement + line.substring(at + 1));
				AuditExportVerifier.Result result = verify(tampered);
				assertThat(result.intact()).as("line %d char %d", lineIndex + 1, at).isFalse();
				assertThat(result.badLine()).as("line %d char %d: %s", lineIndex + 1, at, result.message())
					.isEqualTo(lineIndex + 1L);
			}
		}
	}

	@Test
	void aChangedValueRecanonicalisedAndRehashedStillBreaksTheNextLink() throws IOException {
		List<AuditEvent> events = chain(3, 0);
		AuditEvent second = events.get(1);
		AuditEvent forged = new AuditEvent(second.seq(), second.occurredAt(), "mallory", second.action(),
				second.entityType(), second.entityId(), second.oldValue(), second.newValue(), second.reason(),
				second.prevHash(), null, 2);
		events.set(1, withHash(forged));
		AuditExportVerifier.Result result = verify(export(events, true));
		assertThat(result.badLine()).isEqualTo(3L);
		assertThat(result.message()).contains("does not link");
	}

	@Test
	void aMissingManifestMeansAnIncompleteExport() throws IOException {
		List<String> lines = export(chain(3, 0), true);
		lines.remove(lines.size() - 1);
		AuditExportVerifier.Result result = verify(lines);
		assertThat(result.badLine()).isEqualTo(4L);
		assertThat(result.message()).contains("incomplete");
	}

	@Test
	void aRemovedEventIsNamedWhereTheChainBreaks() throws IOException {
		List<String> lines = export(chain(4, 0), true);
		lines.remove(1);
		AuditExportVerifier.Result result = verify(lines);
		assertThat(result.intact()).isFalse();
		assertThat(result.badLine()).isEqualTo(lines.size() - 1L + 1);
	}

	@Test
	void aFilteredExportWithGapsVerifiesEachEventAndSaysSo() throws IOException {
		List<AuditEvent> events = chain(5, 0);
		List<AuditEvent> filtered = List.of(events.get(0), events.get(2), events.get(4));
		assertThat(verify(export(filtered, false)).intact()).isTrue();
		AuditExportVerifier.Result claimedContiguous = verify(export(filtered, true));
		assertThat(claimedContiguous.badLine()).isEqualTo(4L);
		assertThat(claimedContiguous.message()).contains("missing before line 2");
	}

	@Test
	void anythingAfterTheManifestIsRefused() throws IOException {
		List<String> lines = export(chain(2, 0), true);
		lines.add(lines.get(0));
		assertThat(verify(lines).badLine()).isEqualTo(4L);
	}

	@Test
	void anEmptyExportNeedsItsManifestToo() throws IOException {
		assertThat(verify(List.of()).badLine()).isEqualTo(1L);
		assertThat(verify(export(List.of(), true)).intact()).isTrue();
	}

	/** Events 1..n, the first {@code legacy} of them hashed the old way (version 1). */
	static List<AuditEvent> chain(int n, int legacy) {
		List<AuditEvent> events = new ArrayList<>();
		String prev = AuditChain.GENESIS_HASH;
		for (int seq = 1; seq <= n; seq++) {
			boolean old = seq <= legacy;
			AuditEvent event = new AuditEvent(seq, T0.plusSeconds(seq), (seq % 2 == 0) ? "explorer" : "system",
					"GATE_ITEM_ANSWERED", "gate", "7", old ? "{answer=false}" : AuditLog.values("answer", false),
					old ? "{answer=true}" : AuditLog.values("answer", true, "note", "\u4e2d\u6587 \"quoted\""),
					(seq == 3) ? "because" : null, prev, null, old ? 1 : 2);
			event = withHash(event);
			events.add(event);
			prev = event.hash();
		}
		return events;
	}

	static AuditEvent withHash(AuditEvent event) {
		return new AuditEvent(event.seq(), event.occurredAt(), event.actor(), event.action(), event.entityType(),
				event.entityId(), event.oldValue(), event.newValue(), event.reason(), event.prevHash(),
				AuditChain.hash(event.prevHash(), event), event.hashVersion());
	}

	static List<String> export(List<AuditEvent> events, boolean contiguous) {
		List<String> lines = new ArrayList<>();
		events.forEach((event) -> lines.add(AuditExport.line(event)));
		lines
			.add(AuditExport.manifest(AuditFilter.ALL, T0, events.size(), events.isEmpty() ? null : events.get(0).seq(),
					events.isEmpty() ? null : events.get(events.size() - 1).seq(),
					events.isEmpty() ? null : events.get(events.size() - 1).hash(), contiguous));
		return lines;
	}

	private static AuditExportVerifier.Result verify(List<String> lines) throws IOException {
		String text = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
		return AuditExportVerifier.verify(new BufferedReader(new StringReader(text)));
	}

}
