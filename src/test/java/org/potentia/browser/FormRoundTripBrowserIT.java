package org.potentia.browser;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.potentia.identity.IdentityService;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.security.CurrentUser;
import org.potentia.testing.CatalogueRecords;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edit forms of opportunities, leads, accounts and contacts in a real browser, where
 * what the page renders is what gets posted: as admin (in German), manager (in English)
 * and rep (in German), a record with every field filled is opened for editing, one text
 * field is changed and saved, and every other field must be unchanged in the database (a
 * date shown in the wrong format is shown empty by the browser and lost by the save).
 */
@PotentiaTest
class FormRoundTripBrowserIT {

	private static final Set<String> AUDIT = Set.of("updated_at", "updated_by", "version");

	private static final List<String> MODULES = List.of("potentials", "leads", "accounts", "contacts");

	@LocalServerPort
	int port;

	@Autowired
	People people;

	@Autowired
	Catalogue catalogue;

	@Autowired
	RecordQueries queries;

	@Autowired
	CatalogueRecords catalogueRecords;

	@Autowired
	IdentityService identity;

	@Test
	void editingOneFieldKeepsEveryOtherInEveryRoleAndLanguage() {
		var team = this.people.team();
		Person rep = this.people.rep(team);
		Person manager = this.people.manager(team);
		Person admin = this.people.admin();
		try (Browser browser = Browser.open("http://localhost:" + this.port)) {
			// Every role and both languages; FormRoundTripTests covers every pairing.
			for (Map.Entry<Person, String> editor : List.of(Map.entry(admin, "de"), Map.entry(manager, "en"),
					Map.entry(rep, "de"))) {
				this.identity.chooseLocale(editor.getKey().currentUser(), editor.getValue());
				browser.driver().manage().deleteAllCookies();
				browser.signIn(editor.getKey().username(), editor.getKey().password());
				for (String name : MODULES) {
					roundTrip(browser, this.catalogue.get(name), admin, rep, editor.getKey(), editor.getValue());
				}
			}
		}
	}

	private void roundTrip(Browser browser, ModuleDefinition module, Person admin, Person owner, Person editor,
			String language) {
		long id = this.catalogueRecords.owner(admin, owner).make(module);
		Map<String, Object> before = row(module, id);
		browser.get(module.uiPath() + "/" + id + "/edit");
		Field changed = module.fields()
			.stream()
			.filter((field) -> field.type() == FieldType.TEXT && !field.readOnly() && !field.required()
					&& field.size() > 20 && !browser.findAll(By.id(field.property())).isEmpty())
			.findFirst()
			.orElseThrow();
		String value = "Geändert – " + Names.tag();
		WebElement input = browser.find(By.id(changed.property()));
		input.clear();
		input.sendKeys(value);
		browser.click(By.id("save"));
		String card = module.uiPath() + "/" + id;
		browser.waitUntil(ExpectedConditions.urlMatches(".*" + card + "$"));

		Map<String, Object> after = row(module, id);
		assertThat(after.get(changed.name())).isEqualTo(value);
		for (Field field : module.fields()) {
			if (!field.name().equals(changed.name()) && !AUDIT.contains(field.name())) {
				assertThat(comparable(after.get(field.name())))
					.as("%s of %s after %s saved it in %s", field.name(), module.name(), editor.role(), language)
					.isEqualTo(comparable(before.get(field.name())));
			}
		}
	}

	private Map<String, Object> row(ModuleDefinition module, long id) {
		return this.queries.get(module, id, CurrentUser.SYSTEM).orElseThrow();
	}

	private static Object comparable(Object value) {
		return (value instanceof BigDecimal decimal) ? decimal.stripTrailingZeros() : value;
	}

}
