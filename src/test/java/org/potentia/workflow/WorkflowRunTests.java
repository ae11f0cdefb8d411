package org.potentia.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.account.AccountForm;
import org.potentia.account.AccountService;
import org.potentia.contact.ContactForm;
import org.potentia.contact.ContactService;
import org.potentia.opportunity.Opportunity;
import org.potentia.opportunity.OpportunityForm;
import org.potentia.opportunity.OpportunityService;
import org.potentia.platform.RecordSaved;
import org.potentia.platform.SaveSource;
import org.potentia.platform.query.RecordEvents;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.potentia.testing.Records;
import org.potentia.tool.ModuleTool;
import org.potentia.tool.ToolService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.potentia.testing.Accounts.anAccount;

/**
 * Workflows as an admin sets them up, triggered by saves as users make them: each run
 * option, conditions on the record and on a linked record, "set a field" through the
 * module's service, module tools, and no workflow reacting to a workflow's changes. The
 * event flow itself is told as Spring Modulith scenarios ({@code @EnableScenarios} adds a
 * JUnit extension, no context): a save publishes {@link RecordSaved} inside its
 * transaction, and the workflow runs only once that transaction has committed.
 */
@PotentiaTest
@EnableScenarios
class WorkflowRunTests {

	@Autowired
	WorkflowService workflows;

	@Autowired
	OpportunityService opportunities;

	@Autowired
	AccountService accounts;

	@Autowired
	ContactService contacts;

	@Autowired
	ToolService tools;

	@Autowired
	People people;

	@Autowired
	Records records;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkflowLog log;

	@Autowired
	WorkflowPlanner planner;

	@Autowired
	ActionExecutor executor;

	@Autowired
	RecordEvents recordEvents;

	@Autowired
	EventSerializer serializer;

	@Autowired
	Notifications notifications;

	WorkflowTesting testing;

	Person rep;

	String tag;

	@BeforeEach
	void setUp() {
		this.testing = new WorkflowTesting(this.workflows, this.opportunities, this.jdbc, this.log);
		this.rep = this.people.rep();
		this.tag = Names.tag();
	}

	@AfterEach
	void deleteWorkflows() {
		this.testing.deleteWorkflows();
	}

	@Test
	void onlyOnFirstSaveRunsWhenTheRecordIsCreated() {
		Workflow workflow = this.testing.workflow("accounts", RunOption.FIRST_SAVE, "name", this.tag);
		this.workflows.addSetField(workflow.getId(), "city", "fixed", "Berlin", null);

		long id = this.records.save(anAccount().named(this.tag + " First").ofType("customer").ownedBy(this.rep));
		this.testing.settle(this.tag);
		assertThat(this.accounts.formOf(id, this.rep.currentUser()).getCity()).isEqualTo("Berlin");

		AccountForm form = this.accounts.formOf(id, this.rep.currentUser());
		form.setCity("Munich");
		this.accounts.update(id, form, this.rep.currentUser(), SaveSource.FORM);
		this.testing.settle(this.tag);
		assertThat(this.accounts.formOf(id, this.rep.currentUser()).getCity()).isEqualTo("Munich");
		assertThat(this.testing.entries("accounts", id, workflow)).hasSize(1)
			.allSatisfy((entry) -> assertThat(entry.status()).isEqualTo("done"));
	}

	@Test
	void theFirstTimeTheConditionsAreMetRunsOncePerRecord() {
		Workflow workflow = this.testing.workflow("potentials", RunOption.FIRST_MATCH, "name", this.tag);
		this.workflows.addCondition(workflow.getId(), "amount", "greater", "1000");
		this.workflows.addSetField(workflow.getId(), "next_step", "fixed", "Call the buyer", null);

		long id = this.testing.opportunity(this.rep, this.tag + " Deal", "500");
		this.testing.settle(this.tag);
		assertThat(this.testing.entries("potentials", id, workflow)).isEmpty();

		change(id, (form) -> form.setAmount(new BigDecimal("2000")));
		assertThat(opportunity(id).getNextStep()).isEqualTo("Call the buyer");

		change(id, (form) -> {
			form.setAmount(new BigDecimal("3000"));
			form.setNextStep("Wait for the budget");
		});
		change(id, (form) -> form.setAmount(new BigDecimal("100")));
		change(id, (form) -> form.setAmount(new BigDecimal("5000")));
		assertThat(opportunity(id).getNextStep()).isEqualTo("Wait for the budget");
		assertThat(this.testing.entries("potentials", id, workflow)).hasSize(1);
	}

	@Test
	void everySaveRunsWhileTheConditionsHold() {
		Workflow workflow = this.testing.workflow("contacts", RunOption.EVERY_SAVE, "last_name", this.tag);
		this.workflows.addCondition(workflow.getId(), "title", "equals", "ceo");
		this.workflows.addNotify(workflow.getId(), null, "{first_name} {last_name} leads the company");

		ContactForm contact = new ContactForm();
		contact.setFirstName("Ann");
		contact.setLastName(this.tag + " Lee");
		contact.setTitle("CEO");
		contact.setOwnerId(this.rep.id());
		long id = this.contacts.create(contact, this.rep.currentUser(), SaveSource.FORM);
		this.testing.settle(this.tag);

		ContactForm form = this.contacts.formOf(id, this.rep.currentUser());
		form.setNotes("Met at the fair");
		this.contacts.update(id, form, this.rep.currentUser(), SaveSource.FORM);
		this.testing.settle(this.tag);

		form = this.contacts.formOf(id, this.rep.currentUser());
		form.setTitle("Chairwoman");
		this.contacts.update(id, form, this.rep.currentUser(), SaveSource.FORM);
		this.testing.settle(this.tag);

		assertThat(this.testing.entries("contacts", id, workflow)).hasSize(2);
		assertThat(this.notifications.latest(this.rep.id(), 10)).extracting(Notifications.Notification::message)
			.containsExactly("Ann " + this.tag + " Lee leads the company",
					"Ann " + this.tag + " Lee leads the company");
	}

	@Test
	void aConditionOnALinkedRecordReadsThatRecord() {
		Workflow workflow = this.testing.workflow("potentials", RunOption.EVERY_SAVE, "name", this.tag);
		this.workflows.addCondition(workflow.getId(), "account.account_type", "equals", "customer");
		this.workflows.addSetField(workflow.getId(), "description", "field", "account.name", null);
		long customer = this.records
			.save(anAccount().named(this.tag + " Customer").ofType("customer").ownedBy(this.rep));
		long prospect = this.records
			.save(anAccount().named(this.tag + " Prospect").ofType("prospect").ownedBy(this.rep));

		long forCustomer = opportunityOf(customer, this.tag + " For customer");
		long forProspect = opportunityOf(prospect, this.tag + " For prospect");
		this.testing.settle(this.tag);

		assertThat(opportunity(forCustomer).getDescription()).isEqualTo(this.tag + " Customer");
		assertThat(opportunity(forProspect).getDescription()).isNull();
		assertThat(this.testing.entries("potentials", forProspect, workflow)).isEmpty();
	}

	@Test
	void setAFieldGoesThroughTheServiceAndItsHistoryAsAWorkflow() {
		Workflow workflow = this.testing.workflow("potentials", RunOption.FIRST_SAVE, "name", this.tag);
		this.workflows.addSetField(workflow.getId(), "probability", "fixed", "90", null);
		this.workflows.addSetField(workflow.getId(), "next_step", "field", "name", null);
		this.workflows.addSetField(workflow.getId(), "expected_close_date", "date_plus", "", 30);
		this.workflows.addSetField(workflow.getId(), "billing_start_date", "date_plus", "expected_close_date", 10);

		long id = this.testing.opportunity(this.rep, this.tag + " Deal", "1000");
		this.testing.settle(this.tag);

		Opportunity opportunity = opportunity(id);
		LocalDate today = LocalDate.now();
		assertThat(opportunity.getProbability()).isEqualTo(90);
		assertThat(opportunity.getNextStep()).isEqualTo(this.tag + " Deal");
		assertThat(opportunity.getExpectedCloseDate()).isEqualTo(today.plusDays(30));
		assertThat(opportunity.getBillingStartDate()).isEqualTo(today.plusDays(40));
		List<Map<String, Object>> history = this.jdbc
			.sql("SELECT source, probability, expected_close_date FROM potential_history WHERE potential_id = ?"
					+ " ORDER BY id")
			.param(id)
			.query()
			.listOfRows();
		assertThat(history).extracting((row) -> row.get("source")).containsExactly("form", "workflow", "workflow");
		assertThat(history.get(1).get("probability")).isEqualTo(90);
		assertThat(this.testing.entries("potentials", id, workflow)).hasSize(4)
			.allSatisfy((entry) -> assertThat(entry.status()).isEqualTo("done"));
	}

	@Test
	void aWorkflowsOwnChangesTriggerNoWorkflow() {
		Workflow setter = this.testing.workflow("potentials", RunOption.EVERY_SAVE, "name", this.tag);
		this.workflows.addSetField(setter.getId(), "next_step", "fixed", "Follow up", null);
		Workflow watcher = this.testing.workflow("potentials", RunOption.EVERY_SAVE, "name", this.tag);
		this.workflows.addCondition(watcher.getId(), "next_step", "changed", null);
		this.workflows.addNotify(watcher.getId(), null, "Next step of {name} changed");

		long id = this.testing.opportunity(this.rep, this.tag + " Loop", null);
		this.testing.settle(this.tag);
		assertThat(opportunity(id).getNextStep()).isEqualTo("Follow up");
		assertThat(this.testing.entries("potentials", id, setter)).hasSize(1);
		assertThat(this.testing.entries("potentials", id, watcher)).isEmpty();

		change(id, (form) -> form.setNextStep("Send the offer"));
		assertThat(this.testing.entries("potentials", id, setter)).hasSize(2);
		assertThat(this.testing.entries("potentials", id, watcher)).hasSize(1);
		assertThat(opportunity(id).getNextStep()).isEqualTo("Follow up");
	}

	@Test
	void runAModuleToolCreatesTheLinkedRecordAsAWorkflow() {
		ModuleTool tool = this.tools.byCode("account_new_opportunity");
		this.tools.saveMapping(tool.getId(), "potentials", "name", true, false, "name", null);
		try {
			Workflow workflow = this.testing.workflow("accounts", RunOption.FIRST_SAVE, "name", this.tag);
			this.workflows.addRunTool(workflow.getId(), "account_new_opportunity");
			Workflow onOpportunities = this.testing.workflow("potentials", RunOption.EVERY_SAVE, "name", this.tag);
			this.workflows.addNotify(onOpportunities.getId(), null, "{name}");

			long account = this.records
				.save(anAccount().named(this.tag + " Tools").ofType("customer").ownedBy(this.rep));
			this.testing.settle(this.tag);

			List<Map<String, Object>> created = this.jdbc
				.sql("SELECT id, name, owner_id FROM potentials WHERE account_id = ?")
				.param(account)
				.query()
				.listOfRows();
			assertThat(created).singleElement().satisfies((row) -> {
				assertThat(row.get("name")).isEqualTo(this.tag + " Tools");
				assertThat(((Number) row.get("owner_id")).longValue()).isEqualTo(this.rep.id());
			});
			long opportunity = ((Number) created.get(0).get("id")).longValue();
			assertThat(this.testing.entries("potentials", opportunity, onOpportunities)).isEmpty();
		}
		finally {
			this.tools.saveMapping(tool.getId(), "potentials", "name", false, false, null, null);
		}
	}

	@Test
	void aToolThatFailsLeavesItsErrorInTheLog() {
		Workflow workflow = this.testing.workflow("accounts", RunOption.FIRST_SAVE, "name", this.tag);
		this.workflows.addRunTool(workflow.getId(), "account_new_opportunity");

		long account = this.records
			.save(anAccount().named(this.tag + " Nameless").ofType("customer").ownedBy(this.rep));
		this.testing.settle(this.tag);

		assertThat(this.testing.entries("accounts", account, workflow)).singleElement().satisfies((entry) -> {
			assertThat(entry.status()).isEqualTo("pending");
			assertThat(entry.attempts()).isEqualTo(1);
			assertThat(entry.error()).startsWith("name:");
		});
	}

	@Test
	void switchingAWorkflowOffStopsItsQueuedRetries() {
		Workflow workflow = this.testing.workflow("accounts", RunOption.FIRST_SAVE, "name", this.tag);
		this.workflows.addRunTool(workflow.getId(), "account_new_opportunity");
		long account = this.records.save(anAccount().named(this.tag + " Stopped").ofType("customer").ownedBy(this.rep));
		this.testing.settle(this.tag);

		this.workflows.define(workflow.getId(), null, workflow.getName(), false, RunOption.FIRST_SAVE.code());
		this.executor.runDue(java.time.Instant.now().plus(java.time.Duration.ofMinutes(2)));

		assertThat(this.testing.entries("accounts", account, workflow)).singleElement().satisfies((entry) -> {
			assertThat(entry.status()).isEqualTo("failed");
			assertThat(entry.attempts()).isEqualTo(2);
			assertThat(entry.error()).isEqualTo("The workflow was switched off");
		});
	}

	@Test
	void anEventTheRegistryHandsOverAgainIsPlannedOnce() {
		long id = this.testing.opportunity(this.rep, this.tag + " Again", "1500");
		this.testing.settle(this.tag);
		Workflow workflow = this.testing.workflow("potentials", RunOption.EVERY_SAVE, "name", this.tag);
		this.workflows.addCondition(workflow.getId(), "amount", "equals", "1500");
		this.workflows.addSetField(workflow.getId(), "next_step", "fixed", "Planned once", null);

		RecordSaved saved = new RecordSaved("potentials", id, null, this.recordEvents.snapshot("potentials", id),
				this.rep.currentUser(), SaveSource.FORM);
		RecordSaved again = this.serializer.deserialize(this.serializer.serialize(saved), RecordSaved.class);
		assertThat(again.eventId()).isEqualTo(saved.eventId());
		assertThat(again.after().get("amount")).isNotInstanceOf(BigDecimal.class);

		List<Long> planned = this.planner.plan(again);
		assertThat(planned).hasSize(1);
		assertThat(this.planner.plan(again)).isEqualTo(planned);
		this.executor.runAll(planned);
		assertThat(this.planner.plan(again)).isEmpty();
		assertThat(opportunity(id).getNextStep()).isEqualTo("Planned once");
		assertThat(this.testing.entries("potentials", id, workflow)).hasSize(1);
	}

	private long opportunityOf(long accountId, String name) {
		OpportunityForm form = this.opportunities.newForm(this.rep.currentUser());
		form.setName(name);
		form.setAccountId(accountId);
		return this.opportunities.create(form, this.rep.currentUser(), SaveSource.FORM);
	}

	private Opportunity opportunity(long id) {
		return this.opportunities.get(id, this.rep.currentUser());
	}

	private void change(long id, java.util.function.Consumer<OpportunityForm> change) {
		OpportunityForm form = this.opportunities.formOf(id, this.rep.currentUser());
		change.accept(form);
		this.opportunities.update(id, form, this.rep.currentUser(), SaveSource.FORM);
		this.testing.settle(this.tag);
	}

	@Test
	void aSavePublishesTheRecordWhoSavedItAndHow(Scenario scenario) {
		scenario.stimulate(() -> this.testing.opportunity(this.rep, this.tag + " Deal", "2500"))
			.andWaitForEventOfType(RecordSaved.class)
			.matching((saved) -> "potentials".equals(saved.module())
					&& String.valueOf(saved.after().get("name")).startsWith(this.tag))
			.toArriveAndVerify((saved, id) -> {
				assertThat(saved.id()).isEqualTo(id);
				assertThat(saved.isNew()).isTrue();
				assertThat(saved.source()).isEqualTo(SaveSource.FORM);
				assertThat(saved.user().id()).isEqualTo(this.rep.currentUser().id());
				assertThat(saved.byWorkflow()).isFalse();
			});
	}

	@Test
	void theWorkflowRunsOnlyAfterTheSaveHasCommitted(Scenario scenario) {
		Workflow workflow = this.testing.workflow("potentials", RunOption.FIRST_SAVE, "name", this.tag);
		this.workflows.addSetField(workflow.getId(), "next_step", "fixed", "Call back", null);
		AtomicLong created = new AtomicLong();

		scenario.stimulate(() -> {
			long id = this.testing.opportunity(this.rep, this.tag + " Deal", "1000");
			created.set(id);
			// Inside the save's transaction the workflow has not run, nor been planned.
			assertThat(this.testing.entries("potentials", id, workflow)).isEmpty();
			return id;
		})
			.andWaitForStateChange(() -> this.testing.entries("potentials", created.get(), workflow),
					(entries) -> entries.stream().anyMatch((entry) -> "done".equals(entry.status())))
			.andVerify((List<WorkflowLog.Entry> entries, Long id) -> {
				assertThat(entries).singleElement().satisfies((entry) -> {
					assertThat(entry.recordId()).isEqualTo(id);
					assertThat(entry.actionType()).isEqualTo(ActionType.SET_FIELD);
					assertThat(entry.recordCreated()).isTrue();
				});
				assertThat(this.opportunities.formOf(id, this.rep.currentUser()).getNextStep()).isEqualTo("Call back");
			});
	}

}
