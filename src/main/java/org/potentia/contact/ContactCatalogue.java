package org.potentia.contact;

import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.web.Navigation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The contacts module in the catalogue.
 */
@Configuration(proxyBeanMethods = false)
class ContactCatalogue {

	static final String NAME = "contacts";

	@Bean
	Navigation.NavigationItem contactsNavigation() {
		return new Navigation.NavigationItem("nav.contacts", "/contacts", 50);
	}

	@Bean
	ModuleDefinition contactsModule() {
		return ModuleDefinition.builder(NAME, "contacts")
			.countedPerOwner()
			.uiPath("/contacts")
			.ownedBy("owner_id")
			.display("concat_ws(' ', {a}.first_name, {a}.last_name)")
			.search("LOWER({a}.last_name || ' ' || coalesce({a}.first_name, ''))")
			.search("LOWER(coalesce({a}.first_name, '') || ' ' || {a}.last_name)")
			.search("LOWER({a}.email)")
			.defaultSort("last_name,first_name")
			.summary("last_name", "first_name", "title", "email", "phone", "account_id")
			.field(Field.of("first_name", FieldType.TEXT).size(100).searchable())
			.field(Field.of("last_name", FieldType.TEXT).size(100).required().searchable())
			.field(Field.of("title", FieldType.TEXT).size(100))
			.field(Field.of("email", FieldType.EMAIL).size(200).searchable())
			.field(Field.of("phone", FieldType.PHONE).size(50))
			.field(Field.of("mobile", FieldType.PHONE).size(50))
			.field(Field.of("account_id", FieldType.RELATION).relation("accounts", "account"))
			.field(Field.of("owner_id", FieldType.RELATION).relation("users", "owner"))
			.field(Field.of("notes", FieldType.LONG_TEXT).size(10000))
			.hasManyByTool("potentials", "potentials", "contact_id")
			.build();
	}

}
