package org.potentia.browser;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.potentia.identity.IdentityService;
import org.potentia.identity.Team;
import org.potentia.pipeline.BusinessArea;
import org.potentia.pipeline.PipelineService;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.potentia.workflow.MailSettings;
import org.potentia.workflow.Workflow;
import org.potentia.workflow.WorkflowService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin pages, where one page holds many small forms and a refused one goes back to
 * the page: what was typed comes back into the form that was posted, in its opened
 * section, and nothing else on the page changes.
 */
@PotentiaTest
class AdminFormsBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	People people;

	@Autowired
	WorkflowService workflows;

	@Autowired
	PipelineService pipeline;

	@Autowired
	IdentityService identity;

	@Autowired
	MailSettings mail;

	Browser browser;

	Workflow workflow;

	@BeforeEach
	void setUp() {
		this.workflow = this.workflows.create("potentials", Names.tag() + " Follow-up", "every_save");
		this.browser = Browser.open("http://localhost:" + this.port);
	}

	@AfterEach
	void tearDown() {
		this.browser.close();
		this.workflows.delete(this.workflow.getId());
		// No server set up, as the other tests expect.
		this.mail.save(new MailSettings.Mail("", 587, "", "", "", true, "en"), null, "tests");
	}

	@Test
	void aRefusedFormComesBackWithWhatWasTyped() {
		Person admin = this.people.admin();
		this.browser.signIn(admin.username(), admin.password());
		String page = "/admin/workflows/" + this.workflow.getId();
		this.browser.get(page);

		// An email whose text names a field that does not exist is refused.
		this.browser.click(By.cssSelector("[data-bs-target='#add-email']"));
		this.browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("subject")));
		this.browser.type(By.id("recipients"), "sales@example.com")
			.type(By.id("subject"), "Won: <b>{name}</b>")
			.type(By.id("body"), "Dear team,\n{name} is won by {no_such_field}.");
		this.browser.find(By.cssSelector("#add-email button")).click();
		this.browser.waitForText(By.cssSelector("main .alert-danger"), "no_such_field");

		this.browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("body")));
		// The message stands by the form too, which the page scrolls to.
		assertThat(this.browser.find(By.cssSelector("#add-email .refused-form-message")).getText())
			.contains("{no_such_field}");
		assertThat(this.browser.find(By.id("recipients")).getDomProperty("value")).isEqualTo("sales@example.com");
		assertThat(this.browser.find(By.id("subject")).getDomProperty("value")).isEqualTo("Won: <b>{name}</b>");
		assertThat(this.browser.find(By.id("body")).getDomProperty("value"))
			.isEqualTo("Dear team,\n{name} is won by {no_such_field}.");
		// The other sections keep what the page shows: closed, and empty.
		assertThat(this.browser.driver().findElement(By.id("add-webhook")).getDomAttribute("class"))
			.doesNotContain("show");
		assertThat(this.browser.find(By.id("workflow-settings")).findElement(By.name("name")).getDomProperty("value"))
			.isEqualTo(this.workflow.getName());

		// Corrected, it is saved, and the form is empty again.
		this.browser.find(By.id("body")).clear();
		this.browser.type(By.id("body"), "{name} is won.");
		this.browser.find(By.cssSelector("#add-email button")).click();
		this.browser.waitForText(By.cssSelector("main .alert-success"), "Saved");
		assertThat(this.workflows.get(this.workflow.getId()).getActions()).hasSize(1);
		assertThat(this.browser.driver().findElement(By.id("subject")).getDomProperty("value")).isEmpty();

		// A condition without its value: the chosen field and operator come back, and the
		// value's input is the one that field loads.
		new Select(this.browser.find(By.id("condition-field"))).selectByValue("name");
		this.browser.waitForHtmx();
		new Select(this.browser.find(By.id("condition-operator"))).selectByValue("equals");
		this.browser.click(By.id("add-condition-button"));
		this.browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .alert-danger")));
		this.browser.waitForHtmx();
		assertThat(new Select(this.browser.find(By.id("condition-field"))).getFirstSelectedOption()
			.getDomAttribute("value")).isEqualTo("name");
		assertThat(new Select(this.browser.find(By.id("condition-operator"))).getFirstSelectedOption()
			.getDomAttribute("value")).isEqualTo("equals");
		assertThat(this.workflows.get(this.workflow.getId()).getConditions()).isEmpty();
		this.browser.assertNoConsoleErrors();
	}

	/**
	 * A page of several forms with the same action (a list's entries and the form that
	 * adds one): what was typed goes back into the form that was posted, the one whose
	 * hidden values match, and into no other.
	 */
	@Test
	void aRefusedListEntryComesBackIntoItsOwnForm() {
		String name = Names.tag() + " Area";
		this.pipeline.saveBusinessArea(null, null, name, name + " DE", true);
		Person admin = this.people.admin();
		this.browser.signIn(admin.username(), admin.password());
		this.browser.get("/admin/pipeline");

		// The entry renamed without its German name is refused.
		WebElement entry = entryForm(name + " DE");
		entry.findElement(By.name("nameEn")).clear();
		entry.findElement(By.name("nameEn")).sendKeys("Renamed");
		entry.findElement(By.name("nameDe")).clear();
		entry.findElement(By.tagName("button")).click();
		this.browser.waitForText(By.cssSelector("main .alert-danger"), "both languages");

		entry = entryForm(name + " DE");
		assertThat(entry.findElement(By.name("nameEn")).getDomProperty("value")).isEqualTo("Renamed");
		assertThat(entry.findElement(By.name("nameDe")).getDomProperty("value")).isEmpty();
		assertThat(this.browser.findAll(By.cssSelector(".refused-form-message"))).hasSize(1);
		List<WebElement> forms = this.browser.findAll(By.cssSelector("form[action$='/admin/pipeline/business-areas']"));
		WebElement adding = forms.get(forms.size() - 1);
		assertThat(adding.findElement(By.name("nameEn")).getDomProperty("value")).as("the form that adds one")
			.isEmpty();
		assertThat(forms.stream()
			.filter((form) -> "Renamed".equals(form.findElement(By.name("nameEn")).getDomProperty("value"))))
			.hasSize(1);
		assertThat(this.pipeline.businessAreas()).extracting(BusinessArea::getNameEn).contains(name);
		this.browser.assertNoConsoleErrors();
	}

	/**
	 * A refusal of a form whose record someone else saved meanwhile fills nothing back:
	 * the form shows the other save, and a save from it cannot overwrite that unseen.
	 */
	@Test
	void aRefusedFormOfARecordSavedMeanwhileComesBackAsItNowIs() {
		Team team = this.identity.createTeam(Names.unique("Team"));
		By name = By.id("team-" + team.getId());
		By rename = By.cssSelector("form[action$='/admin/teams/" + team.getId() + "'] button");
		Person admin = this.people.admin();
		this.browser.signIn(admin.username(), admin.password());
		this.browser.get("/admin/teams");

		// Refused as such, the blank name comes back.
		this.browser.find(name).clear();
		this.browser.click(rename);
		this.browser.waitForText(By.cssSelector("main .alert-danger"), "Enter a team name");
		assertThat(this.browser.find(name).getDomProperty("value")).isEmpty();
		assertThat(this.browser.findAll(By.cssSelector(".refused-form-message"))).hasSize(1);

		// Another admin renames the team; this page's blank name is refused again, and
		// the
		// page shows the other admin's name, not the blank one over it.
		String elsewhere = Names.unique("Renamed elsewhere");
		this.identity.renameTeam(team.getId(), null, elsewhere);
		this.browser.find(name).clear();
		this.browser.click(rename);
		this.browser.waitUntil((driver) -> this.browser.findAll(By.cssSelector(".refused-form-message")).isEmpty());
		this.browser.waitForText(By.cssSelector("main .alert-danger"), "Enter a team name");
		assertThat(this.browser.find(name).getDomProperty("value")).isEqualTo(elsewhere);
		this.browser.assertNoConsoleErrors();
	}

	/**
	 * The email server page in German: a host no mail server would take is refused with a
	 * German message and everything typed comes back but the password; corrected, it is
	 * saved, and a later save that changes only the port keeps every other value, the
	 * password among them.
	 */
	@Test
	void theEmailServerPageKeepsWhatWasTypedAndEverythingItDidNotChange() {
		Person admin = this.people.admin();
		this.browser.signIn(admin.username(), admin.password());
		this.browser.get("/profile");
		this.browser.select(By.id("language"), "Deutsch");
		this.browser.click(By.id("save-language"));
		this.browser.waitUntil((driver) -> "de".equals(this.browser.script("return document.documentElement.lang")));
		this.browser.get("/admin/workflows/mail");
		boolean tls = this.browser.find(By.id("tls")).isSelected();

		this.browser.type(By.id("host"), "smtp mail.example.com")
			.type(By.id("port"), "2525")
			.type(By.id("username"), "crm")
			.type(By.id("password"), "geheim")
			.type(By.id("from"), "Potentia Vertrieb <vertrieb@example.com>");
		this.browser.select(By.id("language"), "Deutsch");
		this.browser.click(By.id("tls"));
		this.browser.click(By.id("save-mail"));
		this.browser.waitForText(By.cssSelector("main .alert-danger"), "Geben Sie den Mailserver als Hostnamen");
		assertThat(this.browser.find(By.cssSelector(".refused-form-message")).getText())
			.contains("Geben Sie den Mailserver");
		assertThat(this.browser.find(By.id("host")).getDomProperty("value")).isEqualTo("smtp mail.example.com");
		assertThat(this.browser.find(By.id("port")).getDomProperty("value")).isEqualTo("2525");
		assertThat(this.browser.find(By.id("username")).getDomProperty("value")).isEqualTo("crm");
		assertThat(this.browser.find(By.id("from")).getDomProperty("value"))
			.isEqualTo("Potentia Vertrieb <vertrieb@example.com>");
		assertThat(this.browser.find(By.id("password")).getDomProperty("value")).as("a password is not kept").isEmpty();
		assertThat(new Select(this.browser.find(By.id("language"))).getFirstSelectedOption().getText())
			.isEqualTo("Deutsch");
		assertThat(this.browser.find(By.id("tls")).isSelected()).isEqualTo(!tls);
		assertThat(this.mail.current().host()).isNotEqualTo("smtp mail.example.com");

		this.browser.type(By.id("host"), "mail.example.com").type(By.id("password"), "geheim");
		this.browser.click(By.id("save-mail"));
		this.browser.waitForText(By.cssSelector("main .alert-success"), "Gespeichert");
		MailSettings.Mail saved = this.mail.current();
		assertThat(saved).isEqualTo(new MailSettings.Mail("mail.example.com", 2525, "crm", "geheim",
				"Potentia Vertrieb <vertrieb@example.com>", !tls, "de"));

		// The page as it comes back, one field changed: everything else stays.
		this.browser.get("/admin/workflows/mail");
		this.browser.type(By.id("port"), "587");
		this.browser.click(By.id("save-mail"));
		this.browser.waitForText(By.cssSelector("main .alert-success"), "Gespeichert");
		assertThat(this.mail.current()).isEqualTo(new MailSettings.Mail("mail.example.com", 587, "crm", "geheim",
				"Potentia Vertrieb <vertrieb@example.com>", !tls, "de"));
		this.browser.assertNoConsoleErrors();
	}

	/**
	 * The form of the list entry whose German name the page shows.
	 */
	private WebElement entryForm(String nameDe) {
		return this.browser.findAll(By.cssSelector("form[action$='/admin/pipeline/business-areas']"))
			.stream()
			.filter((form) -> !form.findElements(By.name("id")).isEmpty())
			.filter((form) -> nameDe.equals(form.findElement(By.name("nameDe")).getDomAttribute("value")))
			.findFirst()
			.orElseThrow();
	}

}
