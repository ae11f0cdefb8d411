package org.potentia.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
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
	 * The header and the first rows of a file, for the mapping page.
	 */
	static List<List<String>> head(Path file, char delimiter, int rows) throws IOException {
		List<List<String>> result = new ArrayList<>();
		try (Reader reader = reader(file); CSVParser parser = format(delimiter).parse(reader)) {
			Iterator<CSVRecord> records = parser.iterator();
			while (records.hasNext() && result.size() < rows + 1) {
				result.add(records.next().toList());
			}
		}
		return result;
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

		boolean hasNext() {
			return this.records.hasNext();
		}

		CSVRecord next() {
			CSVRecord record = this.records.next();
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
