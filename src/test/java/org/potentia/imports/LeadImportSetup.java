package org.potentia.imports;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.potentia.identity.IdentityService;
import org.potentia.lead.LeadFixtures;
import org.potentia.platform.security.CurrentUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What the lead import tests share: a signed-in rep who imports, in English, leads whose
 * company is a tag of the test's own, so that each test finds just its rows.
 */
abstract class LeadImportSetup {

	@Autowired
	CsvImports imports;

	@Autowired
	IdentityService identity;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcClient jdbc;

	ImportRuns runs;

	CurrentUser rep;

	/**
	 * The company of every lead in this test's files.
	 */
	String tag;

	@BeforeEach
	void signInTheImporter() {
		LeadFixtures fixtures = new LeadFixtures(this.identity, this.userDetails);
		this.runs = new ImportRuns(this.imports);
		this.rep = fixtures.rep("Importer");
		fixtures.signIn(this.rep);
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		this.tag = LeadFixtures.unique("co");
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
		LocaleContextHolder.resetLocaleContext();
	}

}
