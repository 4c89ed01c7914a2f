package io.dualgate.metrics;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

import io.dualgate.shared.BoundedInputStream;
import io.dualgate.shared.Excerpt;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads {@code prototype,metric,date,value} files with Apache Commons CSV, strictly as
 * UTF-8, streaming (a million rows never sit in memory). Structural errors of a row
 * (wrong number of columns) become cell errors; a file that is empty, not UTF-8 or has
 * the wrong header is refused as a whole.
 */
final class CsvObservations implements Iterator<RawObservation>, AutoCloseable {

	static final List<String> HEADER = List.of("prototype", "metric", "date", "value");

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(false).get();

	private final CSVParser parser;

	private final Iterator<CSVRecord> records;

	private final List<CellError> errors;

	private RawObservation next;

	private long lastLine = 1;

	/**
	 * @param errors where structural errors of rows go (the caller's shared error list)
	 */
	CsvObservations(InputStream input, List<CellError> errors) {
		this.errors = errors;
		BufferedInputStream in = new BufferedInputStream(input, 1 << 16);
		try {
			skipBom(in);
			CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
			Reader reader = new InputStreamReader(in, decoder);
			this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
			this.records = this.parser.iterator();
			if (!hasNextRecord()) {
				throw ObservationsRejected.malformed("observation.csv.empty");
			}
			CSVRecord header = this.records.next();
			List<String> names = header.stream().map((name) -> name.strip().toLowerCase(Locale.ROOT)).toList();
			if (!names.equals(HEADER)) {
				String sent = Excerpt.of(String.join(",", header.toList()));
				throw new ObservationsRejected("observation.csv.header",
						new Object[] { String.join(",", HEADER), sent },
						List.of(new CellError(1, "header", "observation.csv.header", String.join(",", HEADER), sent)),
						1, false);
			}
			advance();
			if (this.next == null && errors.isEmpty()) {
				throw ObservationsRejected.malformed("observation.csv.noRows");
			}
		}
		catch (IOException ex) {
			throw unreadable(ex);
		}
	}

	private static void skipBom(BufferedInputStream in) throws IOException {
		in.mark(3);
		byte[] bom = in.readNBytes(3);
		if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
			in.reset();
		}
	}

	private boolean hasNextRecord() {
		try {
			return this.records.hasNext();
		}
		catch (UncheckedIOException ex) {
			throw unreadable(ex.getCause());
		}
	}

	private RuntimeException unreadable(IOException ex) {
		if (BoundedInputStream.TooLarge.in(ex) != null) {
			// The body passed the upload limit while it streamed in: 413, not a bad file.
			return new UncheckedIOException(ex);
		}
		if (ex instanceof CharacterCodingException) {
			return ObservationsRejected.malformed("observation.csv.encoding", this.lastLine + 1);
		}
		// Commons CSV reports broken quoting as an IOException naming the line.
		return ObservationsRejected.malformed("observation.csv.unreadable", this.lastLine + 1);
	}

	private void advance() {
		this.next = null;
		while (hasNextRecord()) {
			CSVRecord record = this.records.next();
			long line = record.getRecordNumber();
			this.lastLine = line;
			if (record.size() == 1 && record.get(0).isEmpty()) {
				continue; // a blank line
			}
			if (record.size() != HEADER.size()) {
				this.errors
					.add(new CellError(line, "columns", "observation.csv.columns", HEADER.size(), record.size()));
				continue;
			}
			this.next = new RawObservation(line, record.get(0), record.get(1), record.get(2), record.get(3));
			return;
		}
	}

	@Override
	public boolean hasNext() {
		return this.next != null;
	}

	@Override
	public RawObservation next() {
		if (this.next == null) {
			throw new NoSuchElementException();
		}
		RawObservation current = this.next;
		advance();
		return current;
	}

	@Override
	public void close() {
		try {
			this.parser.close();
		}
		catch (IOException ex) {
			// reading is over; nothing to keep
		}
	}

}
