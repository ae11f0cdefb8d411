package org.potentia.platform.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.potentia.platform.api.RecordWriters;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.security.CurrentUser;
import org.potentia.testing.Api;
import org.potentia.testing.CatalogueRecords;
import org.potentia.testing.HtmlForm;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every writable date field of every module (read from the catalogue, so a new one is
 * covered without code here) takes the years 1900 to 2199 and refuses the rest with a
 * message in the user's language, in the API and in the edit forms: a date before 1582
 * used to be stored silently as another day (1000-06-15 as 1000-06-21), because
 * {@code java.sql.Date} counts Julian days before the Gregorian switch.
 */
@PotentiaTest
class DateRangeTests {

	/**
	 * Dates the fields refuse: the Julian-calendar years, the day before the switch, and
	 * the first and last day just outside the range.
	 */
	private static final List<String> REFUSED = List.of("1000-06-15", "0001-01-01", "1582-10-10", "1899-12-31",
			"2200-01-01");

	@Autowired
	Catalogue catalogue;

	@Autowired
	RecordWriters writers;

	@Autowired
	CatalogueRecords catalogueRecords;

	@Autowired
	RecordQueries queries;

	@Autowired
	People people;

	@Autowired
	Api api;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@TestFactory
	Stream<DynamicTest> theApiRefusesEveryDateFieldsDatesOutsideTheYears() {
		List<DynamicTest> tests = new ArrayList<>();
		for (ModuleDefinition module : this.catalogue.modules()) {
			if (!this.writers.canWrite(module.name()) || dateFields(module).isEmpty()) {
				continue;
			}
			tests.add(DynamicTest.dynamicTest(module.name(), () -> {
				Person admin = this.people.admin();
				long id = this.catalogueRecords.owner(admin, this.people.rep(this.people.team())).make(module);
				for (Field field : dateFields(module)) {
					Object before = row(module, id).get(field.name());
					for (String date : REFUSED) {
						Api.Response refused = this.api.as(admin)
							.language("en")
							.patch("/api/v1/" + module.name() + "/" + id,
									Api.document(module.name(), id, Map.of(field.name(), date)));
						assertThat(refused.status())
							.as("%s.%s = %s: %s", module.name(), field.name(), date, refused.body())
							.isEqualTo(422);
						assertThat(pointers(refused)).containsExactly("/data/attributes/" + field.name());
						assertThat(refused.errorDetail()).isEqualTo("The date must lie in the years 1900 to 2199.");
					}
					Api.Response german = this.api.as(admin)
						.language("de")
						.patch("/api/v1/" + module.name() + "/" + id,
								Api.document(module.name(), id, Map.of(field.name(), "1000-06-15")));
					assertThat(german.errorDetail()).isEqualTo("Das Datum muss in den Jahren 1900 bis 2199 liegen.");
					assertThat(row(module, id).get(field.name())).as("%s.%s is unchanged", module.name(), field.name())
						.isEqualTo(before);
					for (String date : List.of("1900-01-01", "2199-12-01")) {
						Api.Response taken = this.api.as(admin)
							.patch("/api/v1/" + module.name() + "/" + id,
									Api.document(module.name(), id, Map.of(field.name(), date)));
						assertThat(taken.status()).as("%s.%s = %s: %s", module.name(), field.name(), date, taken.body())
							.isEqualTo(200);
						assertThat(taken.json().path("data").path("attributes").path(field.name()).asString())
							.isEqualTo(date);
						assertThat(String.valueOf(row(module, id).get(field.name()))).isEqualTo(date);
					}
				}
			}));
		}
		assertThat(tests).extracting(DynamicTest::getDisplayName).contains("potentials", "leads");
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> theEditFormsRefuseEveryDateFieldsDatesOutsideTheYears() {
		List<DynamicTest> tests = new ArrayList<>();
		for (ModuleDefinition module : this.catalogue.modules()) {
			if (module.uiPath() == null || module.ownerColumn() == null || dateFields(module).isEmpty()) {
				continue;
			}
			for (String language : List.of("en", "de")) {
				tests.add(DynamicTest.dynamicTest(module.name() + " in " + language, () -> {
					Person rep = this.people.rep(this.people.team());
					long id = this.catalogueRecords.owner(this.people.admin(), rep).make(module);
					Map<String, Object> before = row(module, id);
					String path = module.uiPath() + "/" + id;
					for (Field field : dateFields(module)) {
						HtmlForm form = HtmlForm.in(page(path + "/edit", rep, language), path);
						if (!form.has(field.property())) {
							continue;
						}
						form.set(field.property(), "1000-06-15");
						MockHttpServletResponse response = save(form, rep, language);
						assertThat(response.getStatus()).as("%s is refused, the form shown again", field.name())
							.isEqualTo(200);
						assertThat(response.getContentAsString())
							.contains("en".equals(language) ? "The date must lie in the years 1900 to 2199."
									: "Das Datum muss in den Jahren 1900 bis 2199 liegen.");
						assertThat(HtmlForm.in(response.getContentAsString(), path).value(field.property()))
							.as("what was typed is shown again")
							.isEqualTo("1000-06-15");
						assertThat(row(module, id)).isEqualTo(before);
					}
				}));
			}
		}
		assertThat(tests).extracting(DynamicTest::getDisplayName).contains("potentials in en", "leads in de");
		return tests.stream();
	}

	@Test
	void theBillingFormRefusesAnInvoiceDateOutsideTheYears() throws Exception {
		Person admin = this.people.admin();
		ModuleDefinition billing = this.catalogue.modules()
			.stream()
			.filter((module) -> module.field("invoice_date").isPresent())
			.findFirst()
			.orElseThrow();
		long id = this.catalogueRecords.owner(admin, this.people.rep(this.people.team())).make(billing);
		Map<String, Object> before = row(billing, id);
		long account = ((Number) before.get("account_id")).longValue();
		String path = "/accounts/" + account + "/billing/" + id;
		HtmlForm form = HtmlForm.in(page(path + "/edit", admin, "en"), path).set("invoiceDate", "1000-06-15");

		MockHttpServletResponse response = save(form, admin, "en");

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("The date must lie in the years 1900 to 2199.");
		assertThat(row(billing, id)).isEqualTo(before);
	}

	private static List<Field> dateFields(ModuleDefinition module) {
		return module.fields().stream().filter((field) -> field.type() == FieldType.DATE && !field.readOnly()).toList();
	}

	private MockHttpServletResponse save(HtmlForm form, Person person, String language) throws Exception {
		LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		form.values().forEach((entry) -> params.add(entry.getKey(), entry.getValue()));
		return this.mvc
			.perform(post(form.action()).params(params)
				.with(csrf())
				.with(user(this.users.loadUserByUsername(person.username())))
				.header("Accept-Language", language))
			.andReturn()
			.getResponse();
	}

	private String page(String path, Person person, String language) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get(path).with(user(this.users.loadUserByUsername(person.username())))
				.header("Accept-Language", language))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	private Map<String, Object> row(ModuleDefinition module, long id) {
		return this.queries.get(module, id, CurrentUser.SYSTEM).orElseThrow();
	}

	private static List<String> pointers(Api.Response response) {
		List<String> pointers = new ArrayList<>();
		for (JsonNode error : response.json().path("errors")) {
			pointers.add(error.path("source").path("pointer").asString());
		}
		return pointers;
	}

}
