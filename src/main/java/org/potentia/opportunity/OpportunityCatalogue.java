package org.potentia.opportunity;

import org.potentia.lead.LeadSource;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.web.Navigation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The opportunities module in the catalogue (API name {@code potentials}).
 */
@Configuration(proxyBeanMethods = false)
class OpportunityCatalogue {

	static final String NAME = "potentials";

	@Bean
	Navigation.NavigationItem opportunitiesNavigation() {
		return new Navigation.NavigationItem("nav.potentials", "/opportunities", 30);
	}

	@Bean
	ModuleDefinition potentialsModule() {
		return ModuleDefinition.builder(NAME, "potentials")
			.countedPerOwner()
			.uiPath("/opportunities")
			.ownedBy("owner_id")
			.display("{a}.name")
			.search("LOWER({a}.name)")
			.defaultSort("expected_close_date")
			.summary("name", "stage_id", "amount", "expected_close_date", "owner_id")
			.field(Field.of("name", FieldType.TEXT).size(200).required().searchable())
			.field(Field.of("amount", FieldType.MONEY).scale(17, 2))
			.field(Field.of("currency", FieldType.TEXT).size(3))
			.field(Field.of("probability", FieldType.PERCENT))
			.field(Field.of("weighted_amount", FieldType.MONEY).scale(17, 2).readOnly())
			.field(Field.of("stage_id", FieldType.RELATION).relation("stages", "stage"))
			.field(Field.of("expected_close_date", FieldType.DATE))
			.field(Field.of("business_area_id", FieldType.RELATION).relation("business_areas", "business_area"))
			.field(Field.of("billing_start_date", FieldType.DATE))
			.field(Field.of("account_id", FieldType.RELATION).relation("accounts", "account"))
			.field(Field.of("contact_id", FieldType.RELATION).relation("contacts", "contact"))
			.field(Field.of("owner_id", FieldType.RELATION).relation("users", "owner"))
			.field(Field.of("lead_source", FieldType.PICKLIST).options(LeadSource.codes()))
			.field(Field.of("next_step", FieldType.TEXT).size(255))
			.field(Field.of("description", FieldType.LONG_TEXT).size(10000))
			.field(Field.of("closed_date", FieldType.DATE).readOnly())
			.field(Field.of("lost_reason_id", FieldType.RELATION).relation("lost_reasons", "lost_reason"))
			.field(Field.of("lead_id", FieldType.RELATION).relation("leads", "lead").readOnly())
			.build();
	}

}
