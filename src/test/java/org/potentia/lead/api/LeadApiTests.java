package org.potentia.lead.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.identity.IdentityService;
import org.potentia.lead.LeadFixtures;
import org.potentia.pipeline.PipelineService;
import org.potentia.platform.security.CurrentUser;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Leads through the web service, as an integrator with a token sees them.
 */
@PotentiaTest
class LeadApiTests {

	static final String JSON_API = "application/vnd.api+json";

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityService identity;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	PipelineService pipeline;

	@Autowired
	ObjectMapper json;

	LeadFixtures fixtures;

	CurrentUser rep;

	String token;

	@BeforeEach
	void setUp() {
		this.fixtures = new LeadFixtures(this.identity, this.userDetails);
		this.rep = this.fixtures.rep("Api");
		this.token = this.fixtures.token(this.rep);
	}

	@Test
	void aLeadCreatedThroughTheApiComesFromTheApiAndStartsInTheDefaultStage() throws Exception {
		long newStage = this.pipeline.stage(PipelineService.LEADS, "new").orElseThrow().getId();

		create(this.token, "{\"last_name\":\"Hopper\",\"first_name\":\"Grace\",\"email\":\"grace@example.com\"}")
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/leads/")))
			.andExpect(jsonPath("$.data.type").value("leads"))
			.andExpect(jsonPath("$.data.attributes.lead_source").value("api"))
			.andExpect(jsonPath("$.data.attributes.stage_id").value(newStage))
			.andExpect(jsonPath("$.data.attributes.owner_id").value(this.rep.id()))
			.andExpect(jsonPath("$.data.relationships.stage.data.type").value("stages"));
	}

	@Test
	void aSourceTheClientGivesIsKept() throws Exception {
		create(this.token, "{\"last_name\":\"Lamarr\",\"lead_source\":\"campaign\"}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.data.attributes.lead_source").value("campaign"));
	}

	@Test
	void aLeadWithoutLastNameIsRefusedWithAPointerToTheField() throws Exception {
		create(this.token, "{\"first_name\":\"Nameless\"}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].status").value("422"))
			.andExpect(jsonPath("$.errors[0].source.pointer").value("/data/attributes/last_name"));
	}

	@Test
	void anUnknownSourceOrAForeignStageIsRefusedWithAPointer() throws Exception {
		create(this.token, "{\"last_name\":\"X\",\"lead_source\":\"fax\"}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].source.pointer").value("/data/attributes/lead_source"));
		long proposal = this.pipeline.stage(PipelineService.POTENTIALS, "proposal").orElseThrow().getId();
		create(this.token, "{\"last_name\":\"X\",\"stage_id\":" + proposal + "}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].source.pointer").value("/data/attributes/stage_id"));
	}

	@Test
	void theStageChangesWithAPatch() throws Exception {
		long id = id(create(this.token, "{\"last_name\":\"Patch\"}"));
		long contacted = this.pipeline.stage(PipelineService.LEADS, "contacted").orElseThrow().getId();

		this.mvc
			.perform(patch("/api/v1/leads/" + id).header("Authorization", "Bearer " + this.token)
				.contentType(JSON_API)
				.content("{\"data\":{\"type\":\"leads\",\"id\":\"" + id + "\",\"attributes\":{\"stage_id\":" + contacted
						+ "}}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.attributes.stage_id").value(contacted))
			.andExpect(jsonPath("$.data.attributes.lead_source").value("api"));
	}

	@Test
	void anotherRepsLeadIsNotFoundForReadingChangingOrDeleting() throws Exception {
		String email = LeadFixtures.unique("hidden") + "@example.com";
		long id = id(create(this.token, "{\"last_name\":\"Hidden\",\"email\":\"" + email + "\"}"));
		String other = this.fixtures.token(this.fixtures.rep("Other"));

		this.mvc.perform(get("/api/v1/leads/" + id).header("Authorization", "Bearer " + other))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].status").value("404"));
		this.mvc
			.perform(patch("/api/v1/leads/" + id).header("Authorization", "Bearer " + other)
				.contentType(JSON_API)
				.content("{\"data\":{\"type\":\"leads\",\"attributes\":{\"city\":\"Nowhere\"}}}"))
			.andExpect(status().isNotFound());
		this.mvc.perform(delete("/api/v1/leads/" + id).header("Authorization", "Bearer " + other))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/leads").param("q", email).header("Authorization", "Bearer " + other))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.meta.total").value(0));
		this.mvc.perform(get("/api/v1/leads").param("q", email).header("Authorization", "Bearer " + this.token))
			.andExpect(jsonPath("$.meta.total").value(1))
			.andExpect(jsonPath("$.data[*].id", hasItem(String.valueOf(id))))
			.andExpect(jsonPath("$.data[*].id", not(hasItem("0"))));
	}

	@Test
	void theSchemaDescribesTheLeadFields() throws Exception {
		this.mvc.perform(get("/api/v1/schema/leads").header("Authorization", "Bearer " + this.token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.attributes.lead_source.options", hasItem("web_form")))
			.andExpect(jsonPath("$.attributes.stage_id.relationType").value("stages"))
			.andExpect(jsonPath("$.attributes.last_name.nullable").value(false));
	}

	private ResultActions create(String token, String attributes) throws Exception {
		return this.mvc.perform(post("/api/v1/leads").header("Authorization", "Bearer " + token)
			.contentType(JSON_API)
			.content("{\"data\":{\"type\":\"leads\",\"attributes\":" + attributes + "}}"));
	}

	private long id(ResultActions result) throws Exception {
		JsonNode document = this.json
			.readTree(result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
		return Long.parseLong(document.get("data").get("id").asString());
	}

}
