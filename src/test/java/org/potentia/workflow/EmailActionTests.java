package org.potentia.workflow;

import java.time.Duration;
import java.util.Arrays;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.potentia.opportunity.OpportunityService;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.potentia.testing.Records;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.potentia.testing.Accounts.anAccount;

/**
 * Emails from a template, sent through the admin's SMTP settings to a GreenMail server on
 * a free local port.
 */
@PotentiaTest
class EmailActionTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@Autowired
	WorkflowService workflows;

	@Autowired
	OpportunityService opportunities;

	@Autowired
	MailSettings mail;

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

	String tag;

	@BeforeEach
	void setUp() {
		this.testing = new WorkflowTesting(this.workflows, this.opportunities, this.jdbc, this.log);
		this.rep = this.people.rep();
		this.tag = Names.tag();
		this.mail.save(
				new MailSettings.Mail("127.0.0.1", smtp.getSmtp().getPort(), "", "", "crm@example.com", false, "en"),
				null, "tests");
	}

	@AfterEach
	void tearDown() {
		this.testing.deleteWorkflows();
		this.mail.save(new MailSettings.Mail("", 587, "", "", "", true, "en"), null, "tests");
	}

	@Test
	void anEmailFromTheTemplateGoesToEveryRecipient() throws Exception {
		Workflow workflow = this.testing.workflow("accounts", RunOption.FIRST_SAVE, "name", this.tag);
		this.workflows.addEmail(workflow.getId(), "{owner.email}; sales@example.com", "New account {name}",
				"Type: {account_type}\nCity: {city}\nOwner: {owner}");

		long id = this.records
			.save(anAccount().named(this.tag + " Mailed").ofType("customer").in("Berlin").ownedBy(this.rep));
		this.testing.settle(this.tag);

		await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length == 2);
		MimeMessage message = smtp.getReceivedMessages()[0];
		assertThat(message.getSubject()).isEqualTo("New account " + this.tag + " Mailed");
		assertThat(Arrays.stream(message.getFrom()).map(Object::toString)).containsExactly("crm@example.com");
		assertThat(Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString))
			.containsExactly(this.rep.username() + "@example.com", "sales@example.com");
		assertThat(GreenMailUtil.getBody(message)).contains("Type: Customer", "City: Berlin",
				"Owner: Test " + this.rep.username());
		assertThat(this.testing.entries("accounts", id, workflow)).singleElement()
			.satisfies((entry) -> assertThat(entry.status()).isEqualTo("done"));
	}

	@Test
	void withoutAnSmtpServerTheActionWaitsForARetry() {
		this.mail.save(new MailSettings.Mail("", 587, "", "", "", true, "en"), null, "tests");
		Workflow workflow = this.testing.workflow("accounts", RunOption.FIRST_SAVE, "name", this.tag);
		this.workflows.addEmail(workflow.getId(), "sales@example.com", "New account {name}", "");

		long id = this.records.save(anAccount().named(this.tag + " Unsent").ofType("customer").ownedBy(this.rep));
		this.testing.settle(this.tag);

		assertThat(this.testing.entries("accounts", id, workflow)).singleElement().satisfies((entry) -> {
			assertThat(entry.status()).isEqualTo("pending");
			assertThat(entry.error()).contains("No SMTP server");
		});
	}

}
