package io.dualgate.gate;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import io.dualgate.gate.checklist.Answer;
import io.dualgate.gate.checklist.FrameworkRef;
import io.dualgate.gate.checklist.ItemSpec;
import io.dualgate.shared.Sha256;

/**
 * The canonical serialisation of what a signer of one track signs, and its SHA-256. Gate
 * id, track and template version are part of it, so a signature cannot be copied to
 * another gate.
 * <p>
 * The form is versioned, and a signature is always verified with the version it was
 * computed with: version 1 (signatures given before items had two languages) covers the
 * codes, thresholds and answers; version 2 adds, per item, the English and the Chinese
 * text, the help in both languages and the framework references, so that the reader's
 * language never changes what was signed. Version 1 is kept exactly as it was.
 */
final class CanonicalAnswers {

	/** The version new signatures are computed with. */
	static final int CURRENT = 2;

	private CanonicalAnswers() {
	}

	static String hash(long gateId, Track track, long templateId, int templateVersion, List<GateItem> items) {
		return hash(CURRENT, gateId, track, templateId, templateVersion, items);
	}

	static String hash(int version, long gateId, Track track, long templateId, int templateVersion,
			List<GateItem> items) {
		return sha256(serialise(version, gateId, track, templateId, templateVersion, items));
	}

	static String serialise(long gateId, Track track, long templateId, int templateVersion, List<GateItem> items) {
		return serialise(CURRENT, gateId, track, templateId, templateVersion, items);
	}

	static String serialise(int version, long gateId, Track track, long templateId, int templateVersion,
			List<GateItem> items) {
		if (version != 1 && version != 2) {
			throw new IllegalArgumentException("unknown canonical form version " + version);
		}
		StringBuilder text = new StringBuilder("dualgate-track-v" + version + "\n");
		text.append("gate=").append(gateId).append('\n');
		text.append("track=").append(track).append('\n');
		text.append("template=").append(templateId).append('@').append(templateVersion).append('\n');
		items.stream()
			.filter((item) -> item.getTrack() == track)
			.sorted(Comparator.comparing(GateItem::getCode))
			.forEach((item) -> {
				ItemSpec spec = item.spec();
				Answer answer = item.answer();
				text.append("item=").append(field(spec.code()));
				text.append('|').append(spec.kind());
				text.append('|').append(field(spec.thresholdText()));
				text.append('|').append(spec.blocking() ? "blocking" : "advisory");
				text.append('|').append((answer == null || answer.yes() == null) ? "" : answer.yes());
				if (item.isComputed()) {
					// Computed from data that flows in daily: the signer attests the
					// verdict
					// (and what it was computed from), so only PASS turning into FAIL or
					// back
					// touches the signature.
					text.append('|')
						.append("computed:")
						.append(item.getMetricKey())
						.append('/')
						.append(field(item.spec().param()))
						.append('=')
						.append(item.verdict());
				}
				else if (fromMetric(item)) {
					// Evidence that flows in daily: the signer attests its verdict, so a
					// new
					// observation only touches the signature when it turns PASS into FAIL
					// or back.
					text.append('|').append("metric:").append(item.getMetricKey()).append('=').append(item.verdict());
				}
				else {
					text.append('|').append((answer == null) ? "" : plain(answer.value()));
				}
				text.append('|').append(field((answer == null) ? null : answer.evidenceUrl()));
				// Only dated or expired evidence adds to the line, so earlier signatures
				// keep
				// their hash.
				if (answer != null && answer.validUntil() != null) {
					text.append("|until=").append(answer.validUntil());
				}
				if (item.getEvidenceExpiredOn() != null) {
					text.append("|expired=").append(item.getEvidenceExpiredOn());
				}
				if (version >= 2) {
					// Both languages, always: what was signed is the same whoever reads
					// it.
					text.append("|text=").append(field(spec.label())).append(field(spec.labelZh()));
					text.append("|help=").append(field(spec.helpEn())).append(field(spec.helpZh()));
					text.append("|refs=")
						.append(field(String.join(";", spec.references().stream().map(FrameworkRef::key).toList())));
				}
				text.append('\n');
			});
		return text.toString();
	}

	private static boolean fromMetric(GateItem item) {
		return item.getMetricKey() != null && item.getAnswerSource() != null
				&& item.getAnswerSource().startsWith("metric:");
	}

	/** Length-prefixed, so that no value can imitate a separator. */
	private static String field(String value) {
		String v = (value != null) ? value : "";
		return v.length() + ":" + v;
	}

	private static String plain(BigDecimal value) {
		return (value != null) ? value.stripTrailingZeros().toPlainString() : "";
	}

	static String sha256(String text) {
		return Sha256.hex(text);
	}

}
