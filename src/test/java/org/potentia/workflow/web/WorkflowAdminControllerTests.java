package org.potentia.workflow.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import org.potentia.pipeline.PipelineService;
import org.potentia.platform.web.RefusedForms;
import org.potentia.testing.HtmlForm;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.potentia.testing.Texts;
import org.potentia.workflow.ActionType;
import org.potentia.workflow.Operator;
import org.potentia.workflow.RunOption;
import org.potentia.workflow.ValueSource;
import org.potentia.workflow.Workflow;
import org.potentia.workflow.WorkflowAction;
import org.potentia.workflow.WorkflowCondition;
import org.potentia.workflow.WorkflowService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin sets up a workflow page by page: create it, add conditions and actions
 * (refused with a clear message when they would not run), read the log, set the email
 * server. Other roles may not.
 */
@PotentiaTest
class WorkflowAdminControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	WorkflowService workflows;

	@Autowired
	PipelineService pipeline;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	People people;

	Person admin;

	String tag;

	@BeforeEach
	void setUp() {
		this.admin = this.people.admin();
		this.tag = Names.tag();
	}

	@AfterEach
	void tearDown() {
		this.workflows.workflows("potentials")
			.stream()
			.filter((workflow) -> workflow.getName().contains(this.tag))
			.forEach((workflow) -> this.workflows.delete(workflow.getId()));
	}

	@Test
	void theAdminCreatesAWorkflowAndCompletesIt() throws Exception {
		String list = page("/admin/workflows?module=potentials");
		assertThat(list).contains("Opportunities", "Accounts", "Contacts", "New workflow");

		this.mvc
			.perform(post("/admin/workflows").with(signedIn())
				.with(csrf())
				.param("module", "potentials")
				.param("name", this.tag + " Won deals")
				.param("runOption", "first_match"))
			.andExpect(redirectedUrlPattern("/admin/workflows/*"));
		Workflow workflow = created();
		assertThat(workflow.isActive()).isFalse();
		assertThat(workflow.getRunOption()).isEqualTo(RunOption.FIRST_MATCH);
		String path = "/admin/workflows/" + workflow.getId();

		long won = this.pipeline.stage(PipelineService.POTENTIALS, "won").orElseThrow().getId();
		submit(path + "/conditions",
				Map.of("field", "stage_id", "operator", "changed_to", "value", String.valueOf(won)))
			.andExpect(flash().attribute("success", "Saved."));
		submit(path + "/conditions", Map.of("field", "account.account_type", "operator", "equals", "value", "customer"))
			.andExpect(flash().attribute("success", "Saved."));
		submit(path + "/actions", Map.of("type", "set_field", "field", "billing_start_date", "source", "date_plus",
				"dateField", "expected_close_date", "days", "14"))
			.andExpect(flash().attribute("success", "Saved."));
		submit(path + "/actions", Map.of("type", "webhook", "url", "https://erp.example.com/hooks/won"))
			.andExpect(flash().attribute("success", "Saved."));
		submit(path, Map.of("name", this.tag + " Won deals", "active", "true", "runOption", "first_match"))
			.andExpect(flash().attribute("success", "Saved."));

		workflow = this.workflows.get(workflow.getId());
		assertThat(workflow.isActive()).isTrue();
		assertThat(workflow.getConditions())
			.extracting(WorkflowCondition::getField, WorkflowCondition::getOperator, WorkflowCondition::getValue)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("stage_id", Operator.CHANGED_TO, String.valueOf(won)),
					org.assertj.core.groups.Tuple.tuple("account.account_type", Operator.EQUALS, "customer"));
		assertThat(workflow.getActions()).extracting(WorkflowAction::getType)
			.containsExactly(ActionType.SET_FIELD, ActionType.WEBHOOK);
		WorkflowAction setField = workflow.getActions().get(0);
		assertThat(setField.getValueSource()).isEqualTo(ValueSource.DATE_PLUS);
		assertThat(setField.getValue()).isEqualTo("expected_close_date");
		assertThat(setField.getDays()).isEqualTo(14);

		String edit = page(path);
		assertThat(edit).contains("Stage", "changed to", "Closed won", "Account \u203a Type", "Customer",
				"Billing start date = Expected close date + 14 days", "POST https://erp.example.com/hooks/won",
				workflow.getWebhookSecret());

		submit(path + "/actions/" + workflow.getActions().get(1).getId() + "/move", Map.of("direction", "up"));
		assertThat(this.workflows.get(workflow.getId()).getActions()).extracting(WorkflowAction::getType)
			.containsExactly(ActionType.WEBHOOK, ActionType.SET_FIELD);
	}

	/**
	 * Two admins change the same workflow's settings: the second save, made from the page
	 * as it was before the first, is refused instead of overwriting it.
	 */
	@Test
	void settingsSavedFromAnOlderPageAreRefused() throws Exception {
		Workflow workflow = this.workflows.create("potentials", this.tag + " Shared", "every_save");
		String path = "/admin/workflows/" + workflow.getId();
		String version = HtmlForm.in(page(path), path).value("version");
		submit(path, Map.of("name", this.tag + " First", "runOption", "every_save", "version", version))
			.andExpect(flash().attribute("success", "Saved."));

		submit(path, Map.of("name", this.tag + " Second", "runOption", "every_save", "version", version))
			.andExpect(flash().attribute("error", containsString(Texts.STALE)));

		assertThat(this.workflows.get(workflow.getId()).getName()).isEqualTo(this.tag + " First");
	}

	@Test
	void whatWouldNotRunIsRefusedWithAMessage() throws Exception {
		Workflow workflow = this.workflows.create("potentials", this.tag + " Refused", "every_save");
		String path = "/admin/workflows/" + workflow.getId();

		submit(path + "/conditions", Map.of("field", "amount", "operator", "greater", "value", "lots"))
			.andExpect(flash().attribute("error", containsString("The value does not suit the field")));
		submit(path + "/conditions", Map.of("field", "account.nothing", "operator", "empty"))
			.andExpect(flash().attribute("error", containsString("Choose a field")));
		submit(path + "/conditions", Map.of("field", "name", "operator", "equals"))
			.andExpect(flash().attribute("error", "This operator needs a value."));
		submit(path + "/actions",
				Map.of("type", "set_field", "field", "weighted_amount", "source", "fixed", "value", "1"))
			.andExpect(flash().attribute("error", "A workflow cannot write this field."));
		submit(path + "/actions", Map.of("type", "set_field", "field", "name", "source", "date_plus", "days", "3"))
			.andExpect(flash().attribute("error", "Only a date field can be set to a date plus days."));
		submit(path + "/actions",
				Map.of("type", "send_email", "recipients", "{owner.email}", "subject", "Hi {nickname}"))
			.andExpect(flash().attribute("error", "These placeholders name no field: {nickname}"));
		submit(path + "/actions", Map.of("type", "send_email", "recipients", "not an address", "subject", "Hi"))
			.andExpect(flash().attribute("error", "not an address is not an email address."));
		submit(path + "/actions", Map.of("type", "webhook", "url", "ftp://example.com/x"))
			.andExpect(flash().attribute("error", containsString("http or https")));
		submit(path + "/actions", Map.of("type", "run_tool", "tool", "convert_lead"))
			.andExpect(flash().attribute("error", "Choose a tool of this module."));

		workflow = this.workflows.get(workflow.getId());
		assertThat(workflow.getConditions()).isEmpty();
		assertThat(workflow.getActions()).isEmpty();
	}

	/**
	 * A refused form goes back to the page with what was typed (for the page's script to
	 * put back), written as text, without the CSRF token.
	 */
	@Test
	void aRefusedFormGoesBackWithWhatWasTyped() throws Exception {
		Workflow workflow = this.workflows.create("potentials", this.tag + " Typed", "every_save");
		String path = "/admin/workflows/" + workflow.getId();
		String body = "<script>alert(1)</script> {name}\nSecond line \"quoted\"";

		// As the browser does: the refusal's redirect, then the page in the same session
		// (Spring Session's, named by its cookie).
		MvcResult refused = this.mvc
			.perform(post(path + "/actions").with(signedIn())
				.with(csrf())
				.param("type", "send_email")
				.param("recipients", "sales@example.com")
				.param("subject", "Hi {nickname}")
				.param("body", body))
			.andExpect(redirectedUrl(path))
			.andExpect(flash().attribute("error", "These placeholders name no field: {nickname}"))
			.andReturn();

		RefusedForms.RefusedForm kept = (RefusedForms.RefusedForm) refused.getFlashMap().get(RefusedForms.ATTRIBUTE);
		assertThat(kept.action()).isEqualTo(path + "/actions");
		assertThat(kept.values()).extracting(RefusedForms.Value::name)
			.containsExactlyInAnyOrder("type", "recipients", "subject", "body");
		assertThat(kept.values()).contains(new RefusedForms.Value("body", body));
		String html = this.mvc.perform(get(path).with(signedIn()).cookie(refused.getResponse().getCookie("SESSION")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("These placeholders name no field: {nickname}");
		Element template = Jsoup.parse(html).selectFirst("template#refused-form");
		assertThat(template).isNotNull();
		assertThat(template.attr("data-action")).isEqualTo(path + "/actions");
		assertThat(template.select("input[name=body]").attr("value")).isEqualTo(body);
		assertThat(html).doesNotContain("<script>alert(1)</script>");

		// A save that went through, or a refusal of a stale page, does not bring values
		// back.
		assertThat(page(path)).doesNotContain("refused-form\"");
		String version = HtmlForm.in(page(path), path).value("version");
		submit(path, Map.of("name", this.tag + " First", "runOption", "every_save", "version", version))
			.andExpect(flash().attributeCount(1));
		submit(path, Map.of("name", this.tag + " Second", "runOption", "every_save", "version", version))
			.andExpect(flash().attributeExists("error"))
			.andExpect(flash().attributeCount(1));
	}

	@Test
	void theValueInputSuitsTheField() throws Exception {
		assertThat(page("/admin/workflows/value-input?module=potentials&field=stage_id")).contains("<select",
				"Proposal", "Closed won");
		assertThat(page("/admin/workflows/value-input?module=potentials&field=account.account_type"))
			.contains("<select", "Customer");
		assertThat(page("/admin/workflows/value-input?module=potentials&field=expected_close_date"))
			.contains("type=\"date\"");
		assertThat(page("/admin/workflows/value-input?module=potentials&field=name")).contains("type=\"text\"");
	}

	@Test
	void theLogAndTheEmailServerPagesAnswer() throws Exception {
		assertThat(page("/admin/workflows/log")).contains("Workflow log");
		assertThat(page("/admin/workflows/mail")).contains("SMTP server");
		submit("/admin/workflows/mail", Map.of("host", "smtp.example.com", "port", "99999"))
			.andExpect(flash().attribute("error", "Enter a port between 1 and 65535."));
	}

	@Test
	void theEmailServerPageRefusesAHostOrSenderNoMailServerWouldTakeAndSaysWhatIsWrongWithBoth() throws Exception {
		submit("/admin/workflows/mail", Map.of("host", "<script>smtp</script>", "port", "587", "from", "kein mail"))
			.andExpect(flash().attribute("error",
					"Enter the mail server as a host name (smtp.example.com) or an IP address. "
							+ "Enter the sender as an email address (crm@example.com), with a name if you like "
							+ "(Potentia <crm@example.com>)."));
		assertThat(page("/admin/workflows/mail")).doesNotContain("&lt;script&gt;smtp");

		submit("/admin/workflows/mail",
				Map.of("host", "mail-1.example.com", "port", "587", "from", "Potentia <crm@example.com>"))
			.andExpect(flash().attribute("success", "Saved."));
		submit("/admin/workflows/mail", Map.of("host", "[2001:db8::25]", "port", "25", "from", "crm@example.com"))
			.andExpect(flash().attribute("success", "Saved."));
		submit("/admin/workflows/mail", Map.of("host", "192.0.2.25", "port", "25", "from", "crm@example.com"))
			.andExpect(flash().attribute("success", "Saved."));
		submit("/admin/workflows/mail", Map.of("host", "mail_server", "port", "25", "from", "crm@example.com"))
			.andExpect(flash().attribute("success", "Saved."));
		// Blank again: no server set up, as the other tests expect.
		submit("/admin/workflows/mail", Map.of("host", "", "port", "587", "from", ""))
			.andExpect(flash().attribute("success", "Saved."));
	}

	@Test
	void thePagesSpeakGerman() throws Exception {
		String page = this.mvc
			.perform(get("/admin/workflows?module=accounts").with(signedIn()).header("Accept-Language", "de"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Neuer Workflow", "Potenziale", "Firmen");
	}

	@Test
	void onlyAdminsMaySetUpWorkflows() throws Exception {
		Person rep = this.people.rep();
		this.mvc.perform(get("/admin/workflows").with(user(this.users.loadUserByUsername(rep.username()))))
			.andExpect(status().isForbidden());
	}

	@Test
	void theGuidesExampleIsSeededSwitchedOff() {
		List<Map<String, Object>> rows = this.jdbc.sql("""
				SELECT w.active, w.run_option, c.field, c.operator, s.code, a.action_type, a.tool_code
				FROM workflows w
				JOIN workflow_conditions c ON c.workflow_id = w.id
				JOIN pipeline_stages s ON CAST(s.id AS VARCHAR(20)) = c.compare_value
				JOIN workflow_actions a ON a.workflow_id = w.id
				WHERE w.module = 'leads' AND w.name = 'Qualified leads are converted'
				""").query().listOfRows();
		assertThat(rows).singleElement().satisfies((row) -> {
			assertThat(row.get("active")).isEqualTo(false);
			assertThat(row.get("field")).isEqualTo("stage_id");
			assertThat(row.get("operator")).isEqualTo("changed_to");
			assertThat(row.get("code")).isEqualTo("qualified");
			assertThat(row.get("action_type")).isEqualTo("run_tool");
			assertThat(row.get("tool_code")).isEqualTo("convert_lead");
		});
	}

	private Workflow created() {
		return this.workflows.workflows("potentials")
			.stream()
			.filter((workflow) -> workflow.getName().startsWith(this.tag))
			.findFirst()
			.orElseThrow();
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path).with(signedIn()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private org.springframework.test.web.servlet.ResultActions submit(String path, Map<String, String> parameters)
			throws Exception {
		var request = post(path).with(signedIn()).with(csrf());
		parameters.forEach(request::param);
		return this.mvc.perform(request).andExpect(status().is3xxRedirection());
	}

	private RequestPostProcessor signedIn() {
		return user(this.users.loadUserByUsername(this.admin.username()));
	}

}
