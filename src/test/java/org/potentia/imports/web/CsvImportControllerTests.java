package org.potentia.imports.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.identity.IdentityService;
import org.potentia.lead.LeadFixtures;
import org.potentia.platform.security.CurrentUser;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The import pages, clicked through for accounts: upload, mapping, import, progress poll,
 * report; then the account list's export holds the imported accounts. Opportunities are
 * imported from their list the same way.
 */
@PotentiaTest
class CsvImportControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityService identity;

	@Autowired
	UserDetailsService userDetails;

	LeadFixtures fixtures;

	UserDetails rep;

	String tag;

	@BeforeEach
	void setUp() {
		this.fixtures = new LeadFixtures(this.identity, this.userDetails);
		this.rep = this.fixtures.details(this.fixtures.rep("Clicker"));
		this.tag = LeadFixtures.unique("acct");
	}

	@Test
	void accountsAreImportedThroughThePagesAndThenExported() throws Exception {
		String csv = "Account name;Type;City\n" + this.tag + " One;Customer;Hamburg\n" + this.tag
				+ " Two;Partner;Bremen\n;Customer;Nowhere\n";
		String job = upload("accounts", csv.getBytes(StandardCharsets.UTF_8));

		this.mvc.perform(get(job).with(user(this.rep)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"mapping-0\"")))
			.andExpect(
					content().string(containsString("value=\"name\"\n                        selected=\"selected\"")));

		this.mvc
			.perform(post(job).with(user(this.rep))
				.with(csrf())
				.param("mapping", "name", "account_type", "city")
				.param("mode", "import"))
			.andExpect(status().is3xxRedirection());
		awaitEnd(job);

		this.mvc.perform(get(job).with(user(this.rep)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2 rows imported")))
			.andExpect(content().string(containsString("Account name: Please fill in this field.")));
		String export = this.mvc.perform(get("/accounts/export").param("q", this.tag).with(user(this.rep)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(export).contains(this.tag + " One,Customer").contains(this.tag + " Two,Partner");
	}

	@Test
	void opportunitiesAreImportedFromTheirList() throws Exception {
		this.mvc.perform(get("/opportunities").with(user(this.rep)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/import/potentials\"")));
		String job = upload("potentials",
				("Opportunity name;Amount\n" + this.tag + " Deal;1200\n").getBytes(StandardCharsets.UTF_8));

		this.mvc.perform(get(job).with(user(this.rep)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("CSV import: Opportunities")))
			.andExpect(
					content().string(containsString("value=\"name\"\n                        selected=\"selected\"")));
	}

	@Test
	void aFileThatIsNotUtf8IsRefusedOnUpload() throws Exception {
		byte[] latin1 = "Nachname\nM\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1);

		this.mvc
			.perform(multipart("/import/leads").file(new MockMultipartFile("file", "x.csv", "text/csv", latin1))
				.with(user(this.rep))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The file is not UTF-8")));
	}

	@Test
	void aFileWithAQuotationMarkNotClosedOpensWithTheRowsBeforeAndSaysFromWhichLineOnItCannotBeRead() throws Exception {
		String job = upload("leads",
				("last_name,company\n" + this.tag + ",ACME\n\"Smith,ACME\n").getBytes(StandardCharsets.UTF_8));

		this.mvc.perform(get(job).with(user(this.rep)).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The file cannot be read from line 3 on")))
			.andExpect(content().string(containsString(">" + this.tag + "<")))
			.andExpect(content().string(containsString("id=\"mapping-1\"")));
		this.mvc.perform(get(job).with(user(this.rep)).header("Accept-Language", "de"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Die Datei kann ab Zeile 3 nicht gelesen werden")));
	}

	@Test
	void aFileUnreadableRightAfterItsHeaderOpensToo() throws Exception {
		String job = upload("leads", "last_name,company\n\"Smith,ACME\n".getBytes(StandardCharsets.UTF_8));

		this.mvc.perform(get(job).with(user(this.rep)).header("Accept-Language", "de"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Die Datei kann ab Zeile 2 nicht gelesen werden")))
			.andExpect(content().string(containsString("id=\"mapping-1\"")));
	}

	@Test
	void anotherUsersImportIsNotFound() throws Exception {
		String job = upload("leads", ("Last name\n" + this.tag + "\n").getBytes(StandardCharsets.UTF_8));
		CurrentUser other = this.fixtures.rep("Peeker");

		this.mvc.perform(get(job).with(user(this.fixtures.details(other)))).andExpect(status().isNotFound());
	}

	@Test
	void aModuleWithoutWritesHasNoImport() throws Exception {
		this.mvc.perform(get("/import/stages").with(user(this.rep))).andExpect(status().isNotFound());
	}

	private String upload(String module, byte[] content) throws Exception {
		MvcResult result = this.mvc
			.perform(multipart("/import/" + module)
				.file(new MockMultipartFile("file", "upload.csv", "text/csv", content))
				.with(user(this.rep))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		return result.getResponse().getRedirectedUrl();
	}

	private void awaitEnd(String job) throws Exception {
		Instant limit = Instant.now().plus(Duration.ofMinutes(1));
		while (Instant.now().isBefore(limit)) {
			MvcResult poll = this.mvc.perform(get(job + "/progress").header("HX-Request", "true").with(user(this.rep)))
				.andExpect(status().isOk())
				.andReturn();
			if ("true".equals(poll.getResponse().getHeader("HX-Refresh"))) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("The import did not end in time");
	}

}
