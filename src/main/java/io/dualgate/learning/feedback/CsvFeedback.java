package io.dualgate.learning.feedback;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads {@code case_id,capability,outcome,severity,reviewer,comment,occurred_at} files
 * with Apache Commons CSV, strictly as UTF-8 (a byte-order mark is skipped). A file that
 * is empty, not UTF-8, badly quoted or has the wrong header is refused whole (400); a row
 * with the wrong number of cells is a cell error (422).
 */
final class CsvFeedback {

	static final List<String> HEADER = List.of("case_id", "capability", "outcome", "severity", "reviewer", "comment",
			"occurred_at");

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get();

	private CsvFeedback() {
	}

	static List<RawCase> parse(byte[] body, List<FeedbackError> errors) {
		int offset = (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB
				&& (body[2] & 0xFF) == 0xBF) ? 3 : 0;
		Reader reader = new InputStreamReader(new ByteArrayInputStream(body, offset, body.length - offset),
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT));
		List<RawCase> rows = new ArrayList<>();
		long line = 1;
		try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
			var records = parser.iterator();
			if (!records.hasNext()) {
				throw FeedbackRejected.malformed("feedback.csv.empty");
			}
			CSVRecord header = records.next();
			List<String> names = header.stream().map((name) -> name.strip().toLowerCase(Locale.ROOT)).toList();
			if (!names.equals(HEADER)) {
				throw FeedbackRejected.malformed("feedback.csv.header", String.join(",", HEADER));
			}
			while (records.hasNext()) {
				CSVRecord record = records.next();
				line = record.getRecordNumber();
				if (record.size() != HEADER.size()) {
					errors
						.add(new FeedbackError(line, "columns", "feedback.csv.columns", HEADER.size(), record.size()));
					continue;
				}
				rows.add(new RawCase(line, record.get(0), record.get(1), record.get(2), record.get(3), record.get(4),
						record.get(5), record.get(6)));
			}
		}
		catch (UncheckedIOException ex) {
			throw unreadable(ex.getCause(), line + 1);
		}
		catch (IOException ex) {
			throw unreadable(ex, line + 1);
		}
		if (rows.isEmpty() && errors.isEmpty()) {
			throw FeedbackRejected.malformed("feedback.csv.noRows");
		}
		return rows;
	}

	private static FeedbackRejected unreadable(IOException ex, long line) {
		if (ex instanceof CharacterCodingException) {
			return FeedbackRejected.malformed("feedback.csv.encoding", line);
		}
		return FeedbackRejected.malformed("feedback.csv.unreadable", line);
	}

}
