package org.potentia.workflow.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.contact.ContactForm;
import org.potentia.contact.ContactService;
import org.potentia.opportunity.OpportunityService;
import org.potentia.platform.SaveSource;
import org.potentia.platform.ValidationException;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.potentia.testing.Records;
import org.potentia.workflow.RunOption;
import org.potentia.workflow.Workflow;
import org.potentia.workflow.WorkflowLog;
import org.potentia.workflow.WorkflowService;
import org.potentia.workflow.WorkflowTesting;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.potentia.testing.Accounts.anAccount;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A notification a workflow leaves appears in the header of its user's pages, with the
 * number unread, and goes from unread to read.
 */
@PotentiaTest
class NotificationControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	WorkflowService workflows;

	@Autowired
	OpportunityService opportunities;

	@Autowired
	ContactService contacts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkflowLog log;

	@Autowired
	People people;

	@Autowired
	Records records;

	WorkflowTesting testing;

	Person rep;

	Person manager;

	String tag;

	@BeforeEach
	void setUp() {
		this.testing = new WorkflowTesting(this.workflows, this.opportunities, this.jdbc, this.log);
		this.rep = this.people.rep();
		this.manager = this.people.manager(this.people.team());
		this.tag = Names.tag();
	}

	@AfterEach
	void tearDown() {
		this.testing.deleteWorkflows();
	}

	@Test
	void onlyAnActiveUserCanBeNotified() {
		Workflow workflow = this.testing.workflow("contacts", RunOption.FIRST_SAVE, "last_name", this.tag);
		Person leaver = this.people.rep();
		this.jdbc.sql("UPDATE users SET active = FALSE WHERE id = ?").param(leaver.id()).update();
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.workflows.addNotify(workflow.getId(), leaver.id(), "Hello"));
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.workflows.addNotify(workflow.getId(), Long.MAX_VALUE, "Hello"));
		this.workflows.addNotify(workflow.getId(), this.manager.id(), "Hello");
	}

	@Test
	void theNotifiedUserSeesItInTheHeaderAndMarksItRead() throws Exception {
		Workflow workflow = this.testing.workflow("contacts", RunOption.FIRST_SAVE, "last_name", this.tag);
		this.workflows.addNotify(workflow.getId(), this.manager.id(), "{first_name} {last_name} joined {account}");
		long account = this.records.save(anAccount().named(this.tag + " Acme").ofType("customer").ownedBy(this.rep));
		ContactForm form = new ContactForm();
		form.setFirstName("Ann");
		form.setLastName(this.tag + " Lee");
		form.setAccountId(account);
		form.setOwnerId(this.rep.id());
		long contact = this.contacts.create(form, this.rep.currentUser(), SaveSource.FORM);
		this.testing.settle(this.tag);

		assertThat(page("/", this.manager)).contains("hx-get=\"/notifications/menu\"");
		String menu = page("/notifications/menu", this.manager);
		assertThat(menu).contains("Ann " + this.tag + " Lee joined " + this.tag + " Acme",
				"href=\"/contacts/" + contact + "\"", "id=\"notifications-unread\"");
		assertThat(unread(menu)).isEqualTo("1");
		assertThat(page("/notifications/menu", this.rep)).doesNotContain(this.tag);

		Matcher read = Pattern.compile("/notifications/(\\d+)/read").matcher(menu);
		assertThat(read.find()).isTrue();
		String after = this.mvc
			.perform(post("/notifications/" + read.group(1) + "/read").header("HX-Request", "true")
				.with(signedIn(this.manager))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(after).contains("Ann " + this.tag + " Lee").doesNotContain("notifications-unread");
		assertThat(page("/notifications", this.manager)).contains("Ann " + this.tag + " Lee joined");
	}

	@Test
	void anotherUserCannotMarkItRead() throws Exception {
		Workflow workflow = this.testing.workflow("contacts", RunOption.FIRST_SAVE, "last_name", this.tag);
		this.workflows.addNotify(workflow.getId(), this.manager.id(), "Hello");
		ContactForm form = new ContactForm();
		form.setLastName(this.tag + " Solo");
		form.setOwnerId(this.rep.id());
		this.contacts.create(form, this.rep.currentUser(), SaveSource.FORM);
		this.testing.settle(this.tag);
		Matcher read = Pattern.compile("/notifications/(\\d+)/read").matcher(page("/notifications/menu", this.manager));
		assertThat(read.find()).isTrue();

		this.mvc.perform(post("/notifications/" + read.group(1) + "/read").with(signedIn(this.rep)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(unread(page("/notifications/menu", this.manager))).isEqualTo("1");
	}

	private String page(String path, Person person) throws Exception {
		return this.mvc.perform(get(path).with(signedIn(person)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static String unread(String menu) {
		Matcher matcher = Pattern.compile("id=\"notifications-unread\"[^>]*>(\\d+)<").matcher(menu);
		return matcher.find() ? matcher.group(1) : "0";
	}

	private RequestPostProcessor signedIn(Person person) {
		return user(this.users.loadUserByUsername(person.username()));
	}

}
