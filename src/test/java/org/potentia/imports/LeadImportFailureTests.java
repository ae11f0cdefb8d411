package org.potentia.imports;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.potentia.lead.LeadForm;
import org.potentia.platform.api.RecordWriter;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.security.CurrentUser;
import org.potentia.testing.QuickPasswordHashing;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure in the middle of an import that is no fault of a row (here a simulated outage
 * while saving one lead) stops the import: the batches before it are saved whole, its own
 * batch and everything after it not at all, and the report says up to which line.
 */
@SpringBootTest(properties = "potentia.import.batch-size=3")
@Import({ LeadImportFailureTests.Outage.class, QuickPasswordHashing.class })
class LeadImportFailureTests extends LeadImportSetup {

	static final String FAILING_NAME = "Outage";

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
		assertThat(job.failure()).contains("saving line 3 failed");
		assertThat(names()).isEmpty();
	}

	private List<String> names() {
		return this.jdbc.sql("SELECT last_name FROM leads WHERE company = ? ORDER BY id")
			.param(this.tag)
			.query(String.class)
			.list();
	}

	/**
	 * The lead writer, failing as an unreachable database would when it saves a lead
	 * named {@value #FAILING_NAME}.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Outage {

		@Bean
		static BeanPostProcessor failingLeadWriter() {
			return new BeanPostProcessor() {

				@Override
				@SuppressWarnings("unchecked")
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof RecordWriter<?> writer && "leads".equals(writer.definition().name())) {
						return failing((RecordWriter<LeadForm>) writer);
					}
					return bean;
				}

			};
		}

		static RecordWriter<LeadForm> failing(RecordWriter<LeadForm> writer) {
			return new RecordWriter<>() {

				@Override
				public ModuleDefinition definition() {
					return writer.definition();
				}

				@Override
				public LeadForm newForm(CurrentUser user) {
					return writer.newForm(user);
				}

				@Override
				public LeadForm formOf(long id, CurrentUser user) {
					return writer.formOf(id, user);
				}

				@Override
				public long create(LeadForm form, CurrentUser user) {
					long id = writer.create(form, user);
					if (FAILING_NAME.equals(form.getLastName())) {
						throw new IllegalStateException("Simulated outage");
					}
					return id;
				}

				@Override
				public void update(long id, LeadForm form, CurrentUser user) {
					writer.update(id, form, user);
				}

				@Override
				public void delete(long id, CurrentUser user) {
					writer.delete(id, user);
				}

			};
		}

	}

}
