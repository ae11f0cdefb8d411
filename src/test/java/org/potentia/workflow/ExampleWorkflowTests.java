package org.potentia.workflow;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.opportunity.OpportunityService;
import org.potentia.pipeline.PipelineService;
import org.potentia.testing.Api;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeded example workflow, switched on: a lead whose stage an API call sets to
 * Qualified is converted by the default tool, once. So that other tests' leads stay
 * untouched while it is on, the test adds a condition on its own tag and takes it away
 * again afterwards, with the workflow switched off as it was seeded.
 */
@PotentiaTest
class ExampleWorkflowTests {

	static final String EXAMPLE = "Qualified leads are converted";

	@Autowired
	WorkflowService workflows;

	@Autowired
	OpportunityService opportunities;

	@Autowired
	PipelineService pipeline;

	@Autowired
	WorkflowLog log;

	@Autowired
	People people;

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	Workflow example;

	String tag;

	@BeforeEach
	void switchTheExampleOn() {
		this.tag = Names.tag();
		this.example = this.workflows.workflows("leads")
			.stream()
			.filter((workflow) -> workflow.getName().equals(EXAMPLE))
			.findFirst()
			.orElseThrow();
		assertThat(this.example.isActive()).isFalse();
		this.workflows.addCondition(this.example.getId(), "company", "contains", this.tag);
		this.workflows.define(this.example.getId(), null, EXAMPLE, true, this.example.getRunOption().code());
	}

	@AfterEach
	void switchTheExampleOff() {
		Workflow workflow = this.workflows.get(this.example.getId());
		this.workflows.define(workflow.getId(), null, EXAMPLE, false, workflow.getRunOption().code());
		workflow.getConditions()
			.stream()
			.filter((condition) -> this.tag.equals(condition.getValue()))
			.forEach((condition) -> this.workflows.removeCondition(workflow.getId(), condition.getId()));
	}

	@Test
	void aLeadThatAnApiCallMakesQualifiedIsConvertedExactlyOnce() {
		Person rep = this.people.rep();
		Api.Call call = this.api.as(rep);
		long qualified = this.pipeline.stage(PipelineService.LEADS, "qualified").orElseThrow().getId();
		long contacted = this.pipeline.stage(PipelineService.LEADS, "contacted").orElseThrow().getId();
		String company = "Brenner " + this.tag;
		Api.Response created = call.post("/api/v1/leads", Api.document("leads",
				Map.of("last_name", "Brenner", "company", company, "email", "brenner-" + this.tag + "@example.com")));
		assertThat(created.status()).isEqualTo(201);
		long lead = Long.parseLong(created.json().at("/data/id").asString());

		assertThat(call.patch("/api/v1/leads/" + lead, Api.document("leads", lead, Map.of("stage_id", qualified)))
			.status()).isEqualTo(200);
		settle();
		// Saves while the lead stays qualified, or comes back to it, convert nothing
		// more.
		assertThat(call.patch("/api/v1/leads/" + lead, Api.document("leads", lead, Map.of("stage_id", contacted)))
			.status()).isIn(200, 409);
		settle();

		List<Long> opportunities = this.jdbc.sql("SELECT id FROM potentials WHERE lead_id = ?")
			.param(lead)
			.query(Long.class)
			.list();
		assertThat(opportunities).hasSize(1);
		Map<String, Object> converted = this.jdbc
			.sql("SELECT converted_potential_id, converted_account_id FROM leads WHERE id = ?")
			.param(lead)
			.query()
			.singleRow();
		assertThat(((Number) converted.get("converted_potential_id")).longValue()).isEqualTo(opportunities.get(0));
		Map<String, Object> opportunity = this.jdbc
			.sql("SELECT p.owner_id, a.name AS account FROM potentials p LEFT JOIN accounts a ON a.id = p.account_id"
					+ " WHERE p.id = ?")
			.param(opportunities.get(0))
			.query()
			.singleRow();
		assertThat(((Number) opportunity.get("owner_id")).longValue()).isEqualTo(rep.id());
		assertThat(opportunity.get("account")).isEqualTo(company);
		assertThat(this.log.ofRecord("leads", lead)).singleElement()
			.satisfies((entry) -> assertThat(entry.status()).isEqualTo("done"));
	}

	@Test
	void whatAWorkflowConversionSavesTriggersNoWorkflowAndKeepsTheConversionInItsHistory() {
		Person rep = this.people.rep();
		WorkflowTesting testing = new WorkflowTesting(this.workflows, this.opportunities, this.jdbc, this.log);
		try {
			Workflow onNew = testing.workflow("potentials", RunOption.FIRST_SAVE, "name", this.tag);
			this.workflows.addNotify(onNew.getId(), null, "New: {name}");
			long byHand = testing.opportunity(rep, "By hand " + this.tag, null);
			settle();
			assertThat(testing.entries("potentials", byHand, onNew)).hasSize(1);

			Api.Call call = this.api.as(rep);
			long qualified = this.pipeline.stage(PipelineService.LEADS, "qualified").orElseThrow().getId();
			Api.Response created = call.post("/api/v1/leads", Api.document("leads", Map.of("last_name",
					"Lang " + this.tag, "company", "Lang " + this.tag, "email", "lang-" + this.tag + "@example.com")));
			assertThat(created.status()).isEqualTo(201);
			long lead = Long.parseLong(created.json().at("/data/id").asString());
			assertThat(call.patch("/api/v1/leads/" + lead, Api.document("leads", lead, Map.of("stage_id", qualified)))
				.status()).isEqualTo(200);
			settle();

			Map<String, Object> converted = this.jdbc.sql("SELECT id, name FROM potentials WHERE lead_id = ?")
				.param(lead)
				.query()
				.singleRow();
			long opportunity = ((Number) converted.get("id")).longValue();
			assertThat(converted.get("name").toString()).contains(this.tag);
			assertThat(testing.entries("potentials", opportunity, onNew)).isEmpty();
			assertThat(this.jdbc.sql("SELECT source FROM potential_history WHERE potential_id = ?")
				.param(opportunity)
				.query(String.class)
				.list()).containsExactly("conversion");
		}
		finally {
			testing.deleteWorkflows();
		}
	}

	private void settle() {
		new WorkflowTesting(this.workflows, this.opportunities, this.jdbc, this.log).settle(this.tag);
	}

}
