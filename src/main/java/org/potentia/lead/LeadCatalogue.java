package org.potentia.lead;

import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.csv.ImportProfile;
import org.potentia.platform.web.Navigation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The leads module in the catalogue, and how its CSV import behaves.
 */
@Configuration(proxyBeanMethods = false)
class LeadCatalogue {

	static final String NAME = "leads";

	@Bean
	Navigation.NavigationItem leadsNavigation() {
		return new Navigation.NavigationItem("nav.leads", "/leads", 20);
	}

	@Bean
	ModuleDefinition leadsModule() {
		return ModuleDefinition.builder(NAME, "leads")
			.countedPerOwner()
			.uiPath("/leads")
			.ownedBy("owner_id")
			.display("concat_ws(' ', {a}.first_name, {a}.last_name)")
			// The first expression is the one PostgreSQL's trigram index covers (V2_1).
			.search("LOWER({a}.last_name || ' ' || coalesce({a}.first_name, '') || ' ' || coalesce({a}.company, ''))")
			.search("LOWER(coalesce({a}.first_name, '') || ' ' || {a}.last_name)")
			.search("LOWER({a}.email)")
			.defaultSort("-created_at")
			.summary("last_name", "first_name", "company", "email", "stage_id", "owner_id")
			.field(Field.of("first_name", FieldType.TEXT).size(100).searchable())
			.field(Field.of("last_name", FieldType.TEXT).size(100).required().searchable())
			.field(Field.of("company", FieldType.TEXT).size(200).searchable())
			.field(Field.of("title", FieldType.TEXT).size(100))
			.field(Field.of("email", FieldType.EMAIL).size(200).searchable())
			.field(Field.of("phone", FieldType.PHONE).size(50))
			.field(Field.of("mobile", FieldType.PHONE).size(50))
			.field(Field.of("website", FieldType.URL).size(255))
			.field(Field.of("street", FieldType.TEXT).size(200))
			.field(Field.of("postal_code", FieldType.TEXT).size(20))
			.field(Field.of("city", FieldType.TEXT).size(100))
			.field(Field.of("country", FieldType.TEXT).size(100))
			.field(Field.of("lead_source", FieldType.PICKLIST).options(LeadSource.codes()).required())
			.field(Field.of("campaign", FieldType.TEXT).size(200))
			.field(Field.of("stage_id", FieldType.RELATION).relation("stages", "stage").required())
			.field(Field.of("rating", FieldType.PICKLIST).options(LeadRating.codes()))
			.field(Field.of("description", FieldType.LONG_TEXT).size(10000))
			.field(Field.of("marketing_consent", FieldType.BOOLEAN))
			.field(Field.of("consent_date", FieldType.DATE))
			.field(Field.of("consent_source", FieldType.TEXT).size(200))
			.field(Field.of("owner_id", FieldType.RELATION).relation("users", "owner"))
			.field(Field.of("converted_at", FieldType.DATETIME).readOnly())
			.field(Field.of("converted_potential_id", FieldType.RELATION)
				.relation("potentials", "converted_potential")
				.readOnly())
			.field(Field.of("converted_account_id", FieldType.RELATION)
				.relation("accounts", "converted_account")
				.readOnly())
			.field(Field.of("converted_contact_id", FieldType.RELATION)
				.relation("contacts", "converted_contact")
				.readOnly())
			.build();
	}

	/**
	 * Imported leads come from "import" unless a column says otherwise, and a lead whose
	 * email another lead (or an earlier row) has is reported, not imported twice. The
	 * database keeps the lower-cased email in {@code email_key} (V3_1), with an index.
	 */
	@Bean
	ImportProfile leadsImport() {
		return ImportProfile.of(NAME)
			.withDefault("lead_source", LeadSource.IMPORT.code())
			.uniqueBy("email", "email_key");
	}

}
