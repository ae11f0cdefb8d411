package org.potentia.identity;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.security.CurrentUser;
import org.potentia.testing.Api;
import org.potentia.testing.CatalogueRecords;
import org.potentia.testing.HtmlForm;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The owner rule of accounts, contacts and leads ({@link IdentityService#requireOwner}):
 * every record has an owner, since the visibility rule goes by it and a record without
 * one is seen by admins alone. A record that has none (written by SQL, an old import)
 * gets one at its next save: the owner chosen, else the user who saves it. Before the
 * rule was shared, such a save failed with a server error.
 */
@PotentiaTest
class OwnerRuleTests {

	@Autowired
	People people;

	@Autowired
	Api api;

	@Autowired
	CatalogueRecords catalogueRecords;

	@Autowired
	Catalogue catalogue;

	@Autowired
	RecordQueries queries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@ParameterizedTest
	@ValueSource(strings = { "accounts", "contacts", "leads" })
	void aRecordWithoutOwnerIsOwnedByWhoeverSavesItThroughTheApi(String name) {
		ModuleDefinition module = this.catalogue.get(name);
		Person admin = this.people.admin();
		long id = ownerless(module, admin);

		String phone = "+49 30 " + Math.floorMod(Names.tag().hashCode(), 1000000);
		Api.Response saved = this.api.as(admin)
			.patch("/api/v1/" + name + "/" + id, Api.document(name, id, Map.of("phone", phone)));

		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(saved.json().path("data").path("attributes").path("owner_id").asLong()).isEqualTo(admin.id());
		assertThat(row(module, id)).containsEntry("owner_id", admin.id()).containsEntry("phone", phone);
	}

	@ParameterizedTest
	@ValueSource(strings = { "accounts", "contacts", "leads" })
	void aRecordWithoutOwnerSavedUnchangedInItsEditPageIsOwnedByWhoeverSavesIt(String name) throws Exception {
		ModuleDefinition module = this.catalogue.get(name);
		Person admin = this.people.admin();
		long id = ownerless(module, admin);
		assertThat(saveEditPageUnchanged(module, id, admin)).isEqualTo(302);
		assertThat(row(module, id)).containsEntry("owner_id", admin.id());
	}

	@ParameterizedTest
	@ValueSource(strings = { "accounts", "contacts", "leads" })
	void aRecordKeepsAnOwnerWhoHasLeftWhenItsEditPageIsSavedUnchanged(String name) throws Exception {
		ModuleDefinition module = this.catalogue.get(name);
		Person admin = this.people.admin();
		Person rep = this.people.rep(this.people.team());
		long id = this.catalogueRecords.owner(admin, rep).make(module);
		this.jdbc.sql("UPDATE users SET active = FALSE WHERE id = ?").param(rep.id()).update();

		assertThat(saveEditPageUnchanged(module, id, admin)).isEqualTo(302);
		assertThat(row(module, id)).containsEntry("owner_id", rep.id());
	}

	private int saveEditPageUnchanged(ModuleDefinition module, long id, Person editor) throws Exception {
		String path = module.uiPath() + "/" + id;
		MockHttpServletResponse page = this.mvc
			.perform(get(path + "/edit").with(user(this.users.loadUserByUsername(editor.username()))))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		HtmlForm form = HtmlForm.in(page.getContentAsString(), path);
		MockHttpServletRequestBuilder save = post(form.action());
		form.values().forEach((entry) -> save.param(entry.getKey(), entry.getValue()));
		MockHttpServletResponse response = this.mvc
			.perform(save.with(csrf()).with(user(this.users.loadUserByUsername(editor.username()))))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isIn(200, 302);
		return response.getStatus();
	}

	/**
	 * A record of the module, every field filled, whose owner is then taken away.
	 */
	private long ownerless(ModuleDefinition module, Person admin) {
		Person rep = this.people.rep(this.people.team());
		long id = this.catalogueRecords.owner(admin, rep).make(module);
		int changed = this.jdbc.sql("UPDATE " + module.table() + " SET owner_id = NULL WHERE id = ?")
			.param(id)
			.update();
		assertThat(changed).isEqualTo(1);
		assertThat(row(module, id).get("owner_id")).isNull();
		return id;
	}

	private Map<String, Object> row(ModuleDefinition module, long id) {
		return this.queries.get(module, id, CurrentUser.SYSTEM).orElseThrow();
	}

}
