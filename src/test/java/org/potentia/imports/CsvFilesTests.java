package org.potentia.imports;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading uploaded files: separator, encoding, byte order mark, the line each row starts
 * on, and the line a file cannot be read from.
 */
class CsvFilesTests {

	@TempDir
	Path directory;

	@Test
	void theSeparatorIsTheOneTheHeaderUsesOutsideQuotes() {
		assertThat(CsvFiles.detectDelimiter("Name,Email,City")).isEqualTo(',');
		assertThat(CsvFiles.detectDelimiter("Name;E-Mail;Ort")).isEqualTo(';');
		assertThat(CsvFiles.detectDelimiter("\"Name, first\";\"Name, last\";Ort")).isEqualTo(';');
		assertThat(CsvFiles.detectDelimiter("Name")).isEqualTo(',');
	}

	@Test
	void eachRowKnowsTheLineItStartsOnAcrossQuotedLineBreaksAndEmptyLines() throws Exception {
		Path file = write("\uFEFFName,Note\r\nA,one\r\n\r\nB,\"two\r\nlines\"\r\nC,three", StandardCharsets.UTF_8);
		List<String> seen = new ArrayList<>();
		try (CsvFiles.Rows rows = new CsvFiles.Rows(file, ',')) {
			while (rows.hasNext()) {
				seen.add(rows.next().get(0) + "@" + rows.line());
			}
		}
		assertThat(seen).containsExactly("Name@1", "A@2", "B@4", "C@6");
	}

	@Test
	void aQuotationMarkNotClosedEndsTheReadableRowsWithTheLineItStartsOn() throws Exception {
		Path file = write("last_name,company\nJones,ACME\n\"Smith,ACME\nMiller,ACME\n", StandardCharsets.UTF_8);

		CsvFiles.Head head = CsvFiles.head(file, ',', 3);

		assertThat(head.rows()).containsExactly(List.of("last_name", "company"), List.of("Jones", "ACME"));
		assertThat(head.unreadableLine()).isEqualTo(3);
		try (CsvFiles.Rows rows = new CsvFiles.Rows(file, ',')) {
			rows.next();
			rows.next();
			assertThatThrownBy(rows::hasNext).isInstanceOfSatisfying(CsvFiles.Unreadable.class,
					(ex) -> assertThat(ex.line()).isEqualTo(3));
		}
	}

	@Test
	void aFileThatCanBeReadHasNoUnreadableLine() throws Exception {
		Path file = write("last_name,company\nJones,ACME\n", StandardCharsets.UTF_8);

		assertThat(CsvFiles.head(file, ',', 3).unreadableLine()).isZero();
	}

	@Test
	void aFileThatIsNotUtf8IsRefusedAndOneThatIsIsCounted() throws Exception {
		assertThatThrownBy(() -> CsvFiles.check(write("Name\nM\u00fcller\n", StandardCharsets.ISO_8859_1)))
			.isInstanceOf(CharacterCodingException.class);
		CsvFiles.Check check = CsvFiles
			.check(write("\uFEFFName;Ort\nM\u00fcller;K\u00f6ln\nX;Y", StandardCharsets.UTF_8));
		assertThat(check.header()).isEqualTo("Name;Ort");
		assertThat(check.lines()).isEqualTo(3);
	}

	private Path write(String text, java.nio.charset.Charset charset) throws Exception {
		Path file = Files.createTempFile(this.directory, "test", ".csv");
		Files.writeString(file, text, charset);
		return file;
	}

}
