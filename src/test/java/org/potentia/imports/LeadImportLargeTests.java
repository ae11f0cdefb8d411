package org.potentia.imports;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import org.potentia.testing.PotentiaTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 100,000-row file, streamed from disk, imported whole. Slow, so it runs only when
 * asked: {@code ./mvnw test -Dtest=LeadImportLargeTests -Dpotentia.large-import=true}.
 * Every 100th row has a bad email and every 250th repeats an earlier row's email.
 */
@PotentiaTest
@EnabledIfSystemProperty(named = "potentia.large-import", matches = "true")
class LeadImportLargeTests extends LeadImportSetup {

	static final int ROWS = Integer.getInteger("potentia.large-import.rows", 100_000);

	@TempDir
	Path directory;

	@Test
	void aHundredThousandRowsAreImported() throws Exception {
		Path file = generate(this.directory.resolve("leads.csv"), this.tag, ROWS);
		long id;
		try (InputStream content = Files.newInputStream(file)) {
			id = this.imports.upload("leads", "leads.csv", content, this.rep);
		}
		Instant start = Instant.now();
		ImportJob job = this.runs.run(id, false, this.rep);
		Duration took = Duration.between(start, Instant.now());
		Runtime runtime = Runtime.getRuntime();
		System.out.printf("Imported %d of %d rows (%d reported) in %d s; heap max %d MB, used now %d MB%n",
				job.rowsImported(), job.rowsRead(), job.rowsRejected(), took.toSeconds(), runtime.maxMemory() >> 20,
				(runtime.totalMemory() - runtime.freeMemory()) >> 20);
		assertThat(job.status()).isEqualTo(ImportJob.Status.DONE);
		assertThat(job.rowsRead()).isEqualTo(ROWS);
		assertThat(job.rowsRejected()).isEqualTo(ROWS / 100 + ROWS / 250 - ROWS / 500);
		assertThat(job.rowsImported()).isEqualTo(ROWS - job.rowsRejected());
	}

	/**
	 * Writes the file row by row.
	 */
	static Path generate(Path file, String tag, int rows) throws Exception {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("First name,Last name,Company,Title,Email,Phone,City,Country,Lead source,Rating\n");
			for (int i = 1; i <= rows; i++) {
				String email = (i % 100 == 0) ? "broken-" + i
						: ((i % 250 == 0) ? "lead" + (i - 1) : "lead" + i) + "." + tag + "@example.com";
				out.write("First" + i + ",Last" + i + ",\"" + tag + ", Inc.\",Buyer," + email + ",+49 30 " + i
						+ ",Berlin,Germany," + ((i % 3 == 0) ? "Campaign" : "") + "," + ((i % 2 == 0) ? "warm" : "")
						+ "\n");
			}
		}
		return file;
	}

}
