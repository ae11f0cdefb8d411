package org.potentia.account;

import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.web.Navigation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The accounts module in the catalogue.
 */
@Configuration(proxyBeanMethods = false)
class AccountCatalogue {

	static final String NAME = "accounts";

	@Bean
	Navigation.NavigationItem accountsNavigation() {
		return new Navigation.NavigationItem("nav.accounts", "/accounts", 40);
	}

	@Bean
	ModuleDefinition accountsModule() {
		return ModuleDefinition.builder(NAME, "accounts")
			.countedPerOwner()
			.uiPath("/accounts")
			.ownedBy("owner_id")
			.display("{a}.name")
			.search("LOWER({a}.name)")
			.defaultSort("name")
			.summary("name", "account_type", "city", "owner_id")
			.field(Field.of("name", FieldType.TEXT).size(200).required().searchable())
			.field(Field.of("account_type", FieldType.PICKLIST).options(AccountType.codes()).required())
			.field(Field.of("industry", FieldType.TEXT).size(100))
			.field(Field.of("website", FieldType.URL).size(255))
			.field(Field.of("email", FieldType.EMAIL).size(200))
			.field(Field.of("phone", FieldType.PHONE).size(50))
			.field(Field.of("street", FieldType.TEXT).size(200))
			.field(Field.of("postal_code", FieldType.TEXT).size(20))
			.field(Field.of("city", FieldType.TEXT).size(100))
			.field(Field.of("country", FieldType.TEXT).size(100))
			.field(Field.of("owner_id", FieldType.RELATION).relation("users", "owner"))
			.field(Field.of("notes", FieldType.LONG_TEXT).size(10000))
			.hasMany("contacts", "contacts", "account_id")
			.hasManyByTool("potentials", "potentials", "account_id")
			.build();
	}

}
