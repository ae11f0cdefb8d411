package org.potentia.imports;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.potentia.testing.PotentiaTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file that cannot be read to its end (a quotation mark not closed) is imported as if
 * it ended before that line: a dry run counts every row before it, an import saves the
 * good ones, and the report says from which line on the file was not read and, in a dry
 * run, that nothing was saved.
 */
@PotentiaTest
class LeadImportUnreadableFileTests extends LeadImportSetup {

	/**
	 * Lines 2, 5 and 7 are good, 3, 4, 6 and 8 not; the quotation mark opened in line 9
	 * is never closed.
	 */
	private String csv() {
		return """
				Last name,Company,Email
				Good1,%1$s,
				,%1$s,
				Bad,%1$s,not-an-email
				Good2,%1$s,
				,%1$s,
				Good3,%1$s,
				Worse,%1$s,no-email-either
				"Broken,%1$s,
				After,%1$s,
				""".formatted(this.tag);
	}

	@Test
	void aDryRunCountsEveryRowBeforeTheUnreadableLineAndSavesNothing() throws Exception {
		ImportJob job = this.runs.run(this.runs.upload(csv(), this.rep), true, this.rep, "last_name", "company",
				"email");

		assertThat(job.status()).isEqualTo(ImportJob.Status.FAILED);
		assertThat(job.rowsRead()).isEqualTo(7);
		assertThat(job.rowsImported()).isEqualTo(3);
		assertThat(job.rowsRejected()).isEqualTo(4);
		assertThat(this.imports.errors(job)).extracting(ImportError::line).containsExactly(3L, 4L, 6L, 8L);
		assertThat(job.failure()).contains("could not be read from line 9 on")
			.contains("rows up to line 8 were checked")
			.contains("Nothing was saved")
			.doesNotContain("were saved");
		assertThat(names()).isEmpty();
	}

	@Test
	void anImportSavesTheGoodRowsBeforeTheUnreadableLineAndSaysSo() throws Exception {
		ImportJob job = this.runs.run(this.runs.upload(csv(), this.rep), false, this.rep, "last_name", "company",
				"email");

		assertThat(job.status()).isEqualTo(ImportJob.Status.FAILED);
		assertThat(job.rowsRead()).isEqualTo(7);
		assertThat(job.rowsImported()).isEqualTo(3);
		assertThat(job.failure()).contains("could not be read from line 9 on")
			.contains("good rows up to line 8 were saved")
			.contains("the rest of the file was not read");
		assertThat(names()).containsExactly("Good1", "Good2", "Good3");
	}

	@Test
	void aFileUnreadableRightAfterItsHeaderReadsNoRow() throws Exception {
		ImportJob job = this.runs.run(this.runs.upload("Last name,Company\n\"Smith," + this.tag + "\n", this.rep), true,
				this.rep, "last_name", "company");

		assertThat(job.rowsRead()).isZero();
		assertThat(job.failure()).contains("could not be read from line 2 on").contains("nothing was saved");
	}

	private List<String> names() {
		return this.jdbc.sql("SELECT last_name FROM leads WHERE company = ? ORDER BY id")
			.param(this.tag)
			.query(String.class)
			.list();
	}

}
