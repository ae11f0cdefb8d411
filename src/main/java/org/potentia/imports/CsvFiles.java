package org.potentia.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Reading uploaded CSV files: UTF-8 (with or without byte order mark, anything else is
 * refused), comma- or semicolon-separated, the first row naming the columns. Rows are
 * read one at a time, never all at once.
 */
final class CsvFiles {

	private CsvFiles() {
	}

	/**
	 * A strict UTF-8 reader that skips a byte order mark and fails on bytes that are not
	 * UTF-8 (a file saved as Windows-1252, say) instead of importing garbled names.
	 */
	static Reader reader(Path file) throws IOException {
		InputStream in = BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get();
		return new BufferedReader(new InputStreamReader(in,
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)),
				1 << 16);
	}

	/**
	 * What a check of a whole file found.
	 *
	 * @param header the first line, or null if the file is empty
	 * @param lines the number of lines
	 */
	record Check(String header, long lines) {
	}

	/**
	 * Reads the whole file once: it must be UTF-8.
	 * @throws CharacterCodingException if it is not
	 */
	static Check check(Path file) throws IOException {
		try (Reader reader = reader(file)) {
			StringBuilder header = new StringBuilder();
			boolean inHeader = true;
			long lines = 0;
			boolean pending = false;
			char[] buffer = new char[1 << 16];
			int read;
			while ((read = reader.read(buffer)) != -1) {
				for (int i = 0; i < read; i++) {
					char c = buffer[i];
					if (c == '\n') {
						lines++;
						pending = false;
						inHeader = false;
					}
					else {
						pending = true;
						if (inHeader && c != '\r' && header.length() < 100_000) {
							header.append(c);
						}
					}
				}
			}
			if (pending) {
				lines++;
			}
			return new Check((lines > 0) ? header.toString() : null, lines);
		}
	}

	/**
	 * The field separator the header line uses: semicolon if it has more semicolons than
	 * commas outside quotes, else comma.
	 */
	static char detectDelimiter(String headerLine) {
		int commas = 0;
		int semicolons = 0;
		boolean quoted = false;
		for (char c : headerLine.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && c == ',') {
				commas++;
			}
			else if (!quoted && c == ';') {
				semicolons++;
			}
		}
		return (semicolons > commas) ? ';' : ',';
	}

	static CSVFormat format(char delimiter) {
		return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
	}

	/**
	 * The beginning of a file, for the mapping page.
	 *
	 * @param rows the header and the first rows
	 * @param unreadableLine the line from which on the file could not be read, or 0 if
	 * the rows asked for were read
	 */
	record Head(List<List<String>> rows, long unreadableLine) {
	}

	/**
	 * The header and the first rows of a file, for the mapping page; if the file cannot
	 * be read that far (a quotation mark not closed, say), the rows before.
	 */
	static Head head(Path file, char delimiter, int rows) throws IOException {
		List<List<String>> result = new ArrayList<>();
		try (Rows records = new Rows(file, delimiter)) {
			while (result.size() < rows + 1 && records.hasNext()) {
				result.add(records.next().toList());
			}
		}
		catch (Unreadable ex) {
			return new Head(result, ex.line());
		}
		return new Head(result, 0);
	}

	/**
	 * The file cannot be read from a line on: a quotation mark opened there (or later) is
	 * not closed, or something other than a separator follows a closing one.
	 */
	static final class Unreadable extends IOException {

		private final long line;

		Unreadable(long line, Throwable cause) {
			super("Unreadable from line " + line + ": " + cause.getMessage(), cause);
			this.line = line;
		}

		/**
		 * The first line not read: the one after the last record read.
		 */
		long line() {
			return this.line;
		}

	}

	/**
	 * Reads records and tells the line each starts on, counting the lines that quoted
	 * values span and the empty lines skipped.
	 */
	static final class Rows implements AutoCloseable {

		private final Reader reader;

		private final CSVParser parser;

		private final Iterator<CSVRecord> records;

		private long lastLine;

		private long line;

		Rows(Path file, char delimiter) throws IOException {
			this.reader = reader(file);
			this.parser = format(delimiter).parse(this.reader);
			this.records = this.parser.iterator();
		}

		/**
		 * Whether there is another record.
		 * @throws Unreadable if the next record cannot be read
		 */
		boolean hasNext() throws Unreadable {
			try {
				return this.records.hasNext();
			}
			catch (UncheckedIOException ex) {
				// commons-csv's iterator reads the next record in hasNext() and wraps
				// what the parser throws.
				throw new Unreadable(this.lastLine + 1, ex.getCause());
			}
		}

		/**
		 * The next record.
		 * @throws Unreadable if it cannot be read
		 */
		CSVRecord next() throws Unreadable {
			CSVRecord record;
			try {
				record = this.records.next();
			}
			catch (UncheckedIOException ex) {
				throw new Unreadable(this.lastLine + 1, ex.getCause());
			}
			long end = this.parser.getCurrentLineNumber();
			long spanned = 0;
			for (String value : record) {
				spanned += value.chars().filter((c) -> c == '\n').count();
			}
			this.line = Math.max(this.lastLine + 1, end - spanned);
			this.lastLine = Math.max(this.line + spanned, end);
			return record;
		}

		/**
		 * The line the last record read starts on.
		 */
		long line() {
			return this.line;
		}

		@Override
		public void close() throws IOException {
			this.parser.close();
			this.reader.close();
		}

	}

}
