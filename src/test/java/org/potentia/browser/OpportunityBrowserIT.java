package org.potentia.browser;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.potentia.identity.IdentityService;
import org.potentia.identity.User;
import org.potentia.opportunity.OpportunityForm;
import org.potentia.opportunity.OpportunityRules;
import org.potentia.opportunity.OpportunityService;
import org.potentia.pipeline.PipelineService;
import org.potentia.platform.SaveSource;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Role;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opportunities as a person works them: one made with only a name, dragged on the board
 * to another stage with the column totals following, a long column shown further on
 * request, and an admin's mandatory account that the form then asks for.
 */
@PotentiaTest
class OpportunityBrowserIT {

	/**
	 * Cards a board column shows at first.
	 */
	static final int CARDS_PER_COLUMN = 25;

	@LocalServerPort
	int port;

	@Value("${potentia.admin.username}")
	String adminUsername;

	@Value("${potentia.admin.password}")
	String adminPassword;

	@Autowired
	OpportunityRules rules;

	@Autowired
	IdentityService identity;

	@Autowired
	OpportunityService opportunities;

	@Autowired
	PipelineService pipeline;

	Browser browser;

	@BeforeEach
	void openBrowser() {
		this.browser = Browser.open("http://localhost:" + this.port);
	}

	/**
	 * Signs in as a new rep, whose board holds only what the test makes: on a shared
	 * database other tests' opportunities would fill the columns.
	 */
	private CurrentUser signInAsNewRep() {
		String name = "board" + UUID.randomUUID().toString().substring(0, 8);
		User user = this.identity.createUser(name, "password-1234", "Board", "Tester", null, Role.REP, null);
		this.browser.signIn(name, "password-1234");
		return new CurrentUser(user.getId(), name, "Board Tester", Role.REP, null, null);
	}

	@AfterEach
	void closeBrowser() {
		this.rules.change(Set.of(), true, null, "test");
		this.browser.close();
	}

	@Test
	void anOpportunityWithOnlyANameIsDraggedToAnotherStageAndTheTotalsFollow() {
		signInAsNewRep();
		this.browser.get("/opportunities").click(By.id("new-opportunity"));
		this.browser.type(By.id("name"), "Browser deal").click(By.id("save"));
		this.browser.waitForText(By.tagName("h1"), "Browser deal");
		String path = this.browser.path();
		String id = path.substring(path.lastIndexOf('/') + 1);

		this.browser.get("/opportunities/board");
		long qualification = count("qualification");
		long proposal = count("proposal");
		assertThat(qualification).isEqualTo(1);

		WebElement card = this.browser.find(By.id("card-" + id));
		WebElement target = this.browser.find(By.cssSelector("#column-proposal .board-cards"));
		new Actions(this.browser.driver()).clickAndHold(card)
			.moveByOffset(10, 10)
			.moveToElement(target)
			.moveByOffset(0, 5)
			.release()
			.perform();

		this.browser.waitUntil((driver) -> count("proposal") == proposal + 1);
		assertThat(count("qualification")).isEqualTo(qualification - 1);
		assertThat(this.browser.find(By.cssSelector("#column-proposal")).getText()).contains("Browser deal");
	}

	@Test
	void theCardMenuMovesByKeyboardToo() {
		signInAsNewRep();
		this.browser.get("/opportunities/new");
		this.browser.type(By.id("name"), "Keyboard deal").click(By.id("save"));
		this.browser.waitForText(By.tagName("h1"), "Keyboard deal");
		String path = this.browser.path();
		String id = path.substring(path.lastIndexOf('/') + 1);
		this.browser.get("/opportunities/board");
		long negotiation = count("negotiation");
		moveByMenu(id, "Negotiation");
		this.browser.waitUntil((driver) -> count("negotiation") == negotiation + 1);
	}

	/**
	 * htmx swaps nothing for an error answer: the page says why the move failed, and the
	 * board is loaded again rather than leaving the card where it was dropped.
	 */
	@Test
	void aMoveOfACardSomeoneElseDeletedSaysSoAndTheBoardComesBack() {
		CurrentUser rep = signInAsNewRep();
		this.browser.get("/opportunities/new");
		this.browser.type(By.id("name"), "Deleted deal").click(By.id("save"));
		this.browser.waitForText(By.tagName("h1"), "Deleted deal");
		String path = this.browser.path();
		long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
		this.browser.get("/opportunities/board");
		assertThat(this.browser.findAll(By.id("request-error"))).singleElement()
			.satisfies((alert) -> assertThat(alert.isDisplayed()).isFalse());
		// Someone else deletes it while the board is open.
		this.opportunities.delete(id, rep, SaveSource.FORM);

		moveOfACardSomeoneDeleted(id, "Negotiation");
		assertThat(this.browser.find(By.id("request-error")).getText()).as("the board's reload keeps the message")
			.isEqualTo("The record does not exist or you may not see it.");
	}

	/**
	 * A column that shows more than its first page keeps its length after a move, and
	 * after a move the server refused (the board is loaded again then).
	 */
	@Test
	void aLongColumnShowsMoreOnRequestAndStaysLongAfterAMoveAndARefusedOne() {
		CurrentUser rep = signInAsNewRep();
		long negotiation = this.pipeline.stage(PipelineService.POTENTIALS, "negotiation").orElseThrow().getId();
		int many = CARDS_PER_COLUMN + 2;
		for (int i = 1; i <= many; i++) {
			OpportunityForm form = new OpportunityForm();
			form.setName(String.format("Long deal %02d", i));
			form.setStageId(negotiation);
			form.setExpectedCloseDate(LocalDate.of(2030, 1, 1).plusDays(i));
			this.opportunities.create(form, rep, SaveSource.FORM);
		}
		OpportunityForm other = new OpportunityForm();
		other.setName("Other deal");
		long otherId = this.opportunities.create(other, rep, SaveSource.FORM);
		OpportunityForm gone = new OpportunityForm();
		gone.setName("Gone deal");
		long goneId = this.opportunities.create(gone, rep, SaveSource.FORM);

		this.browser.get("/opportunities/board");
		assertThat(cards("negotiation")).isEqualTo(CARDS_PER_COLUMN);
		this.browser.click(By.cssSelector("#column-negotiation .board-more button"));
		this.browser.waitUntil((driver) -> cards("negotiation") == many);
		assertThat(this.browser.findAll(By.cssSelector("#column-negotiation .board-more")).get(0).isDisplayed())
			.as("nothing more to show")
			.isFalse();

		moveByMenu(otherId, "Proposal");
		this.browser.waitUntil((driver) -> count("proposal") == 1);
		assertThat(cards("negotiation")).isEqualTo(many);

		this.opportunities.delete(goneId, rep, SaveSource.FORM);
		moveOfACardSomeoneDeleted(goneId, "Proposal");
		assertThat(cards("negotiation")).as("the reloaded board keeps the longer column").isEqualTo(many);
	}

	@Test
	void anAdminMakesTheAccountMandatoryAndTheFormAsksForIt() {
		this.browser.signIn(this.adminUsername, this.adminPassword);
		this.browser.get("/admin/opportunities").click(By.id("mandatory-account_id")).click(By.id("save-rules"));
		this.browser.waitForText(By.cssSelector(".alert-success"), "Saved.");

		this.browser.get("/opportunities/new");
		this.browser.type(By.id("name"), "Without account").click(By.id("save"));
		this.browser.waitForText(By.cssSelector(".invalid-feedback"), "This field is mandatory.");
		assertThat(this.browser.find(By.id("accountId")).getAttribute("class")).contains("is-invalid");
		assertThat(this.browser.find(By.id("name")).getAttribute("value")).isEqualTo("Without account");
	}

	/**
	 * How many cards a column shows.
	 */
	/**
	 * Moves a card to another stage with its menu.
	 */
	private void moveByMenu(Object id, String stage) {
		this.browser.click(By.cssSelector("#card-" + id + " [data-bs-toggle='dropdown']"));
		this.browser.click(By.xpath("//li[@id='card-" + id + "']//button[contains(., '" + stage + "')]"));
	}

	/**
	 * Moves a card that was deleted after the board was shown: the page says why the move
	 * failed, and the reloaded board no longer shows the card.
	 */
	private void moveOfACardSomeoneDeleted(long id, String stage) {
		this.browser.expectConsoleError("status of 404").expectConsoleError("Error Code 404");
		moveByMenu(id, stage);
		this.browser.waitForText(By.id("request-error"), "The record does not exist or you may not see it.");
		this.browser.waitUntil((driver) -> this.browser.findAll(By.id("card-" + id)).isEmpty());
	}

	private long cards(String stageCode) {
		return this.browser.findAll(By.cssSelector("#column-" + stageCode + " .board-card")).size();
	}

	/**
	 * The count in a column's header. htmx swaps the whole board after a move, so an
	 * element found just before the swap may be gone when read: read it again.
	 */
	private long count(String stageCode) {
		for (int attempt = 1;; attempt++) {
			try {
				String text = this.browser.find(By.cssSelector("#column-" + stageCode + " .column-count")).getText();
				return Long.parseLong(text.replaceAll("[^0-9]", ""));
			}
			catch (StaleElementReferenceException ex) {
				if (attempt == 5) {
					throw ex;
				}
			}
		}
	}

}
