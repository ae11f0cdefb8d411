package org.potentia.imports;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.lead.LeadForm;
import org.potentia.lead.LeadService;
import org.potentia.testing.QuickPasswordHashing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * A failure in the middle of an import that is no fault of a row (here a simulated outage
 * while saving one lead) stops the import: the batches before it are saved whole, its own
 * batch and everything after it not at all, and the report says up to which line.
 */
@SpringBootTest(properties = "potentia.import.batch-size=3")
@Import(QuickPasswordHashing.class)
class LeadImportFailureTests extends LeadImportSetup {

	static final String FAILING_NAME = "Outage";

	@MockitoSpyBean
	LeadService leads;

	/**
	 * Saving a lead named {@value #FAILING_NAME} fails as an unreachable database would.
	 */
	@BeforeEach
	void outage() {
		doAnswer((call) -> {
			Object id = call.callRealMethod();
			if (FAILING_NAME.equals(call.<LeadForm>getArgument(0).getLastName())) {
				throw new IllegalStateException("Simulated outage");
			}
			return id;
		}).when(this.leads).create(any(), any(), any());
	}

	@Test
	void aFailureMidFileLeavesNoHalfImportedBatch() throws Exception {
		StringBuilder csv = new StringBuilder("Last name,Company\n");
		for (int i = 1; i <= 10; i++) {
			csv.append((i == 8) ? FAILING_NAME : "Row" + i).append(',').append(this.tag).append('\n');
		}
		// Lines 2-4 and 5-7 are the first two batches; line 9 (row 8) fails in the third.

		ImportJob job = this.runs.run(this.runs.upload(csv.toString(), this.rep), false, this.rep);

		assertThat(job.status()).isEqualTo(ImportJob.Status.FAILED);
		assertThat(job.committedLine()).isEqualTo(7);
		assertThat(job.rowsImported()).isEqualTo(6);
		assertThat(job.failure()).contains("saving line 9 failed")
			.contains("lines 8 to 10 was not saved")
			.contains("up to line 7 were saved");
		assertThat(names()).containsExactly("Row1", "Row2", "Row3", "Row4", "Row5", "Row6");
	}

	@Test
	void aDryRunStopsAtTheSameFailureAndSavesNothing() throws Exception {
		String csv = "Last name,Company\nFirst," + this.tag + "\n" + FAILING_NAME + "," + this.tag + "\n";

		ImportJob job = this.runs.run(this.runs.upload(csv, this.rep), true, this.rep);

		assertThat(job.status()).isEqualTo(ImportJob.Status.FAILED);
		assertThat(job.failure()).contains("saving line 3 failed")
			.contains("Nothing was saved")
			.doesNotContain("were saved");
		assertThat(names()).isEmpty();
	}

	private List<String> names() {
		return this.jdbc.sql("SELECT last_name FROM leads WHERE company = ? ORDER BY id")
			.param(this.tag)
			.query(String.class)
			.list();
	}

}
