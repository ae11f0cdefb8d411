package org.potentia.imports;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.potentia.lead.LeadService;
import org.potentia.platform.ConflictException;
import org.potentia.platform.SaveSource;
import org.potentia.platform.ValidationException;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.potentia.lead.Leads.aLead;

/**
 * CSV import of leads: bad rows reported by line with the reason, duplicates by email,
 * dry run, rows the database refuses, the remembered mapping and German files.
 */
@PotentiaTest
class LeadImportTests extends LeadImportSetup {

	@Autowired
	LeadService leads;

	@Test
	void badRowsAreReportedByLineAndOnlyTheGoodRowsImported() throws Exception {
		String csv = """
				First name,Last name,Company,Email,Lead source,Rating
				Ada,Lovelace,%1$s,ada.%1$s@example.com,Web form,hot
				Bob,,%1$s,bob.%1$s@example.com,,
				Cy,Cyan,%1$s,not-an-email,,
				Di,Diaz,%1$s,di.%1$s@example.com,fax,

				"Eve
				Marie",Evans,%1$s,eve.%1$s@example.com,,warm
				Fay,Fox,%1$s,fay.%1$s@example.com,,lukewarm
				""".formatted(this.tag);

		ImportJob job = this.runs.run(this.runs.upload(csv, this.rep), false, this.rep);

		assertThat(job.status()).isEqualTo(ImportJob.Status.DONE);
		assertThat(job.rowsRead()).isEqualTo(6);
		assertThat(job.rowsImported()).isEqualTo(2);
		assertThat(job.rowsRejected()).isEqualTo(4);
		List<ImportError> errors = this.imports.errors(job);
		assertThat(errors).extracting(ImportError::line).containsExactly(3L, 4L, 5L, 9L);
		assertThat(errors.get(0).message()).isEqualTo("Last name: Please fill in this field.");
		assertThat(errors.get(1).message()).isEqualTo("Email: Enter a valid email address.");
		assertThat(errors.get(2).message()).startsWith("Lead source: \"fax\" is not one of: Entered by hand, Web form");
		assertThat(errors.get(3).message()).startsWith("Rating: \"lukewarm\" is not one of: Hot, Warm, Cold");
		assertThat(sources()).containsExactly("import", "web_form");
		assertThat(this.jdbc.sql("SELECT first_name FROM leads WHERE last_name = 'Evans' AND company = ?")
			.param(this.tag)
			.query(String.class)
			.single()).isEqualTo("Eve\nMarie");
	}

	@Test
	void aRowWhoseEmailAnotherLeadHasIsReportedNotImportedTwice() throws Exception {
		this.leads.create(aLead().withEmail("Dup." + this.tag + "@Example.com").form(), this.rep, SaveSource.FORM);
		String csv = """
				Last name,Email,Company
				One,dup.%1$s@example.com,%1$s
				Two,new.%1$s@example.com,%1$s
				Three,NEW.%1$s@example.com ,%1$s
				Four,,%1$s
				Five,,%1$s
				""".formatted(this.tag);

		ImportJob job = this.runs.run(this.runs.upload(csv, this.rep), false, this.rep);

		assertThat(job.rowsImported()).isEqualTo(3);
		List<ImportError> errors = this.imports.errors(job);
		assertThat(errors).extracting(ImportError::line).containsExactly(2L, 4L);
		assertThat(errors.get(0).message()).isEqualTo(
				"Duplicate: a record with Email \"dup." + this.tag.toLowerCase() + "@example.com\" exists already.");
		assertThat(errors.get(1).message()).contains("is in line 3 already");
		assertThat(count()).isEqualTo(3);
	}

	@Test
	void aDryRunReportsWithoutSavingAndTheImportThenSavesTheGoodRowsOnce() throws Exception {
		String csv = """
				Last name,Company,Email
				Alpha,%1$s,
				,%1$s,
				Beta,%1$s,x
				Gamma,%1$s,
				""".formatted(this.tag);
		long id = this.runs.upload(csv, this.rep);

		ImportJob dryRun = this.runs.run(id, true, this.rep);

		assertThat(dryRun.dryRun()).isTrue();
		assertThat(dryRun.rowsImported()).isEqualTo(2);
		assertThat(this.imports.errors(dryRun)).extracting(ImportError::line).containsExactly(3L, 4L);
		assertThat(count()).isZero();

		ImportJob imported = this.runs.run(id, false, this.rep);

		assertThat(imported.dryRun()).isFalse();
		assertThat(imported.rowsImported()).isEqualTo(2);
		assertThat(count()).isEqualTo(2);
		assertThatThrownBy(() -> this.runs.run(id, false, this.rep)).isInstanceOf(ConflictException.class);
		assertThat(count()).isEqualTo(2);
	}

	@Test
	void aRowTheDatabaseRefusesIsReportedAndTheRestOfItsBatchSaved() throws Exception {
		String constraint = "ck_test_" + this.tag.replace('-', '_');
		this.jdbc.sql("ALTER TABLE leads ADD CONSTRAINT " + constraint + " CHECK (city IS NULL OR city <> 'Atlantis')")
			.update();
		try {
			String csv = """
					Last name,Company,City
					One,%1$s,Berlin
					Two,%1$s,Atlantis
					Three,%1$s,Paris
					""".formatted(this.tag);
			long id = this.runs.upload(csv, this.rep);

			ImportJob dryRun = this.runs.run(id, true, this.rep);
			assertThat(this.imports.errors(dryRun)).extracting(ImportError::line).containsExactly(3L);
			ImportJob job = this.runs.run(id, false, this.rep);

			assertThat(job.status()).isEqualTo(ImportJob.Status.DONE);
			assertThat(this.imports.errors(job)).extracting(ImportError::line).containsExactly(3L);
			assertThat(this.imports.errors(job).get(0).message()).contains("not saved");
			assertThat(names()).containsExactly("One", "Three");
		}
		finally {
			this.jdbc.sql("ALTER TABLE leads DROP CONSTRAINT " + constraint).update();
		}
	}

	@Test
	void theMappingIsRememberedForTheNextFileWithTheSameColumns() throws Exception {
		String csv = "Surname;Organisation;Mail\nKnuth;%1$s;\n".formatted(this.tag);
		long first = this.runs.upload(csv, this.rep);
		ImportJob job = this.imports.job("leads", first, this.rep);
		assertThat(job.delimiter()).isEqualTo(';');
		assertThat(this.imports.preview(job, this.rep, Locale.ENGLISH).mapping()).containsExactly("", "", "");

		this.runs.run(first, false, this.rep, "last_name", "company", "email");

		long second = this.runs.upload(csv, this.rep);
		assertThat(
				this.imports.preview(this.imports.job("leads", second, this.rep), this.rep, Locale.ENGLISH).mapping())
			.containsExactly("last_name", "company", "email");
	}

	@Test
	void aMappingWithoutTheRequiredLastNameIsRefused() throws Exception {
		long id = this.runs.upload("Company\n" + this.tag + "\n", this.rep);

		assertThatThrownBy(() -> this.imports.start("leads", id, List.of("company"), true, this.rep))
			.isInstanceOfSatisfying(ValidationException.class,
					(ex) -> assertThat(ex.getErrors().get(0).messageKey()).isEqualTo("import.mapping.required"));
	}

	@Test
	void aGermanFileWithGermanLabelsDatesAndAnswersIsUnderstood() throws Exception {
		LocaleContextHolder.setLocale(Locale.GERMAN);
		String csv = """
				Nachname;Firma;Lead-Quelle;Marketing-Einwilligung erteilt;Datum der Einwilligung
				Müller;%1$s;Webformular;ja;31.12.2024
				Schmidt;%1$s;Messe;nein;
				Weber;%1$s;;ja;32.12.2024
				""".formatted(this.tag);

		ImportJob job = this.runs.run(this.runs.upload(csv, this.rep), false, this.rep);

		assertThat(job.rowsImported()).isEqualTo(1);
		List<ImportError> errors = this.imports.errors(job);
		assertThat(errors.get(0).message())
			.startsWith("Lead-Quelle: \u201eMesse\u201c ist keiner der Werte: Manuell erfasst");
		assertThat(errors.get(1).message()).startsWith("Datum der Einwilligung: \u201e32.12.2024\u201c ist kein Datum");
		assertThat(this.jdbc.sql("SELECT lead_source, marketing_consent, consent_date FROM leads WHERE company = ?")
			.param(this.tag)
			.query((rs, row) -> rs.getString(1) + " " + rs.getBoolean(2) + " " + rs.getDate(3))
			.single()).isEqualTo("web_form true 2024-12-31");
	}

	@Test
	void aConsentDateOutsideTheYearsIsReportedNotStoredAsAnotherDay() throws Exception {
		String csv = """
				Last name,Company,Marketing consent,Consent date
				Early,%1$s,yes,1000-06-15
				German,%1$s,yes,15.06.1000
				Late,%1$s,yes,2200-01-01
				First,%1$s,yes,1900-01-01
				""".formatted(this.tag);

		ImportJob job = this.runs.run(this.runs.upload(csv, this.rep), false, this.rep, "last_name", "company",
				"marketing_consent", "consent_date");

		assertThat(job.rowsImported()).isEqualTo(1);
		List<ImportError> errors = this.imports.errors(job);
		assertThat(errors).extracting(ImportError::line).containsExactly(2L, 3L, 4L);
		assertThat(errors).extracting(ImportError::message)
			.containsOnly("Consent date: The date must lie in the years 1900 to 2199.");
		assertThat(this.jdbc.sql("SELECT consent_date FROM leads WHERE company = ?")
			.param(this.tag)
			.query((rs, row) -> rs.getObject(1, java.time.LocalDate.class))
			.single()).isEqualTo(java.time.LocalDate.of(1900, 1, 1));
	}

	private long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM leads WHERE company = ?").param(this.tag).query(Long.class).single();
	}

	private List<String> sources() {
		return this.jdbc.sql("SELECT lead_source FROM leads WHERE company = ? ORDER BY lead_source")
			.param(this.tag)
			.query(String.class)
			.list();
	}

	private List<String> names() {
		return this.jdbc.sql("SELECT last_name FROM leads WHERE company = ? ORDER BY id")
			.param(this.tag)
			.query(String.class)
			.list();
	}

}
