package org.potentia.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Role;
import org.potentia.testing.Accounts;
import org.potentia.testing.CatalogueRecords;
import org.potentia.testing.Contacts;
import org.potentia.testing.HtmlForm;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.potentia.testing.Records;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.potentia.testing.Accounts.anAccount;
import static org.potentia.testing.Contacts.aContact;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Nothing entered is lost by editing: for every module with an edit page (read from the
 * field catalogue, so a new module is covered without code here), as admin, manager and
 * rep, in English and German (the browser's language, and for the rep also German chosen
 * with the language switch while the browser asks for English), a record with every field
 * filled is opened in its edit page, one text field is changed, and the form is posted
 * back exactly as a browser would post it; every other field must be unchanged in the
 * database.
 */
@PotentiaTest
class FormRoundTripTests {

	/**
	 * German chosen on the profile (the language switch), with a browser that asks for
	 * English.
	 */
	private static final String SWITCHED_TO_GERMAN = "de by the language switch";

	/** Written by every save, so they change with any edit. */
	private static final Set<String> AUDIT = Set.of("updated_at", "updated_by", "version");

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Autowired
	Catalogue catalogue;

	@Autowired
	RecordQueries queries;

	@Autowired
	CatalogueRecords catalogueRecords;

	@Autowired
	Records records;

	@Autowired
	UserDetailsService users;

	@TestFactory
	Stream<DynamicTest> everyEditFormKeepsWhatItDidNotChange() {
		List<DynamicTest> tests = new ArrayList<>();
		for (ModuleDefinition module : this.catalogue.modules()) {
			if (module.uiPath() == null || module.ownerColumn() == null) {
				continue;
			}
			for (Role role : Role.values()) {
				for (String language : List.of("en", "de")) {
					tests.add(DynamicTest.dynamicTest(module.name() + " as " + role + " in " + language,
							() -> roundTrip(module, role, language)));
				}
			}
			tests.add(DynamicTest.dynamicTest(module.name() + " as " + Role.REP + " in " + SWITCHED_TO_GERMAN,
					() -> roundTrip(module, Role.REP, SWITCHED_TO_GERMAN)));
		}
		assertThat(tests).hasSizeGreaterThanOrEqualTo(4 * (3 * 2 + 1));
		return tests.stream();
	}

	private void roundTrip(ModuleDefinition module, Role role, String language) throws Exception {
		String browser = SWITCHED_TO_GERMAN.equals(language) ? "en" : language;
		var team = this.people.team();
		Person rep = this.people.rep(team);
		Person admin = this.people.admin();
		Person editor = switch (role) {
			case ADMIN -> admin;
			case MANAGER -> this.people.manager(team);
			case REP -> rep;
		};
		long id = this.catalogueRecords.owner(admin, rep).make(module);
		if (SWITCHED_TO_GERMAN.equals(language)) {
			assertThat(this.mvc
				.perform(post("/profile/language").param("language", "de")
					.with(csrf())
					.with(user(this.users.loadUserByUsername(editor.username()))))
				.andReturn()
				.getResponse()
				.getStatus()).isEqualTo(302);
		}
		Map<String, Object> before = row(module, id);
		for (Field field : module.fields()) {
			if (!field.readOnly() && (field.type() == FieldType.DATE || field.type() == FieldType.MONEY)) {
				assertThat(before.get(field.name())).as("the record under test has %s filled", field.name())
					.isNotNull();
			}
		}

		String html = page(get(module.uiPath() + "/" + id + "/edit"), editor, browser);
		assertThat(html).as("the page is in the language asked for")
			.contains(" lang=\"" + ("en".equals(language) ? "en" : "de") + "\"");
		HtmlForm form = HtmlForm.in(html, module.uiPath() + "/" + id);
		Field changed = module.fields()
			.stream()
			.filter((field) -> field.type() == FieldType.TEXT && !field.readOnly() && !field.required()
					&& field.size() > 20 && form.has(field.property()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no text field to change in the form of " + module.name()));
		String newValue = "Geändert – " + Names.tag();
		form.set(changed.property(), newValue);

		MockHttpServletRequestBuilder save = post(form.action());
		form.values().forEach((entry) -> save.param(entry.getKey(), entry.getValue()));
		MockHttpServletResponse response = this.mvc
			.perform(save.with(csrf())
				.with(user(this.users.loadUserByUsername(editor.username())))
				.header("Accept-Language", browser))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as("the save is taken (the form came back: %s)", response.getContentAsString())
			.isEqualTo(302);

		Map<String, Object> after = row(module, id);
		assertThat(after.get(changed.name())).isEqualTo(newValue);
		for (Field field : module.fields()) {
			if (!field.name().equals(changed.name()) && !AUDIT.contains(field.name())) {
				assertThat(comparable(after.get(field.name())))
					.as("%s of %s after %s saved it in %s", field.name(), module.name(), role, language)
					.isEqualTo(comparable(before.get(field.name())));
			}
		}
	}

	/**
	 * A save refused for one field (a required field left empty) shows the form again
	 * with every other value as the user typed it, dates included.
	 */
	@TestFactory
	Stream<DynamicTest> aRefusedSaveShowsEverythingTypedAgain() {
		List<DynamicTest> tests = new ArrayList<>();
		for (ModuleDefinition module : this.catalogue.modules()) {
			if (module.uiPath() == null || module.ownerColumn() == null) {
				continue;
			}
			for (String language : List.of("en", "de")) {
				tests.add(DynamicTest.dynamicTest(module.name() + " in " + language, () -> {
					Person rep = this.people.rep(this.people.team());
					long id = this.catalogueRecords.owner(this.people.admin(), rep).make(module);
					HtmlForm form = HtmlForm.in(page(get(module.uiPath() + "/" + id + "/edit"), rep, language),
							module.uiPath() + "/" + id);
					Field required = module.fields()
						.stream()
						.filter((field) -> field.required() && !field.readOnly() && field.type() == FieldType.TEXT
								&& form.has(field.property()))
						.findFirst()
						.orElseThrow();
					form.set(required.property(), "");
					MockHttpServletResponse response = this.mvc
						.perform(post(form.action()).params(paramsOf(form))
							.with(csrf())
							.with(user(this.users.loadUserByUsername(rep.username())))
							.header("Accept-Language", language))
						.andReturn()
						.getResponse();
					assertThat(response.getStatus()).isEqualTo(200);
					HtmlForm shown = HtmlForm.in(response.getContentAsString(), module.uiPath() + "/" + id);
					for (Map.Entry<String, String> entry : form.values()) {
						if (!"_csrf".equals(entry.getKey())) {
							assertThat(shown.value(entry.getKey())).as(entry.getKey()).isEqualTo(entry.getValue());
						}
					}
				}));
			}
		}
		return tests.stream();
	}

	/**
	 * A manager edits a team member's opportunity whose account and contact the manager
	 * may not see (they belong to another team's rep): the form shows them as not visible
	 * and offers no change, and saving only the next step keeps both links.
	 */
	@Test
	void aManagersSaveKeepsTheLinksTheyMayNotSee() throws Exception {
		var team = this.people.team();
		Person rep = this.people.rep(team);
		Person manager = this.people.manager(team);
		Person stranger = this.people.rep(this.people.team());
		Person admin = this.people.admin();
		long account = this.records.save(anAccount().named(Names.unique("Hidden")).ownedBy(stranger));
		long contact = this.records
			.save(aContact().named("Hidden", Names.unique("Person")).at(account).ownedBy(stranger));
		ModuleDefinition potentials = this.catalogue.get("potentials");
		long id = this.catalogueRecords.owner(admin, rep).make(potentials);
		// Linked by the admin, who may see both.
		this.mvc.perform(
				post("/opportunities/" + id).with(csrf())
					.with(user(this.users.loadUserByUsername(admin.username())))
					.params(paramsOf(HtmlForm
						.in(page(get("/opportunities/" + id + "/edit"), admin, "en"), "/opportunities/" + id)
						.set("accountId", String.valueOf(account))
						.set("contactId", String.valueOf(contact)))));
		Map<String, Object> before = row(potentials, id);
		assertThat(before.get("account_id")).isEqualTo(account);

		String html = page(get("/opportunities/" + id + "/edit"), manager, "de");
		assertThat(html).contains("Für Sie nicht sichtbar")
			.doesNotContain(
					Objects.toString(this.queries.get(this.catalogue.get("accounts"), account, CurrentUser.SYSTEM)
						.orElseThrow()
						.get("name")));
		HtmlForm form = HtmlForm.in(html, "/opportunities/" + id).set("nextStep", "Anrufen");
		int status = this.mvc
			.perform(post(form.action()).params(paramsOf(form))
				.with(csrf())
				.with(user(this.users.loadUserByUsername(manager.username()))))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(302);
		Map<String, Object> after = row(potentials, id);
		assertThat(after.get("next_step")).isEqualTo("Anrufen");
		assertThat(after.get("account_id")).isEqualTo(account);
		assertThat(after.get("contact_id")).isEqualTo(contact);

		// A deliberate change of the hidden link is refused, beside the field.
		String refused = this.mvc
			.perform(post(form.action())
				.params(paramsOf(
						HtmlForm.in(page(get("/opportunities/" + id + "/edit"), manager, "en"), "/opportunities/" + id)
							.set("accountId", "")))
				.with(csrf())
				.with(user(this.users.loadUserByUsername(manager.username())))
				.header("Accept-Language", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("you may not see, so it cannot be changed here");
		assertThat(row(potentials, id).get("account_id")).isEqualTo(account);
	}

	private static org.springframework.util.MultiValueMap<String, String> paramsOf(HtmlForm form) {
		org.springframework.util.LinkedMultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
		form.values().forEach((entry) -> params.add(entry.getKey(), entry.getValue()));
		return params;
	}

	private String page(MockHttpServletRequestBuilder request, Person person, String language) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(request.with(user(this.users.loadUserByUsername(person.username())))
				.header("Accept-Language", language))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	private Map<String, Object> row(ModuleDefinition module, long id) {
		return this.queries.get(module, id, CurrentUser.SYSTEM).orElseThrow();
	}

	/** Decimals compare by value (12345.67 and 12345.670 are the same amount). */
	private static Object comparable(Object value) {
		return (value instanceof java.math.BigDecimal decimal) ? decimal.stripTrailingZeros() : value;
	}

}
