package org.potentia.lead.api;

import org.potentia.lead.LeadForm;
import org.potentia.lead.LeadService;
import org.potentia.lead.LeadSource;
import org.potentia.platform.api.RecordWriter;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The leads module of the web service: reads are generic, writes go through the service.
 * A lead created through the API comes from "api" unless the client says otherwise.
 */
@Configuration(proxyBeanMethods = false)
class LeadApi {

	@Bean
	RecordWriter<LeadForm> leadWriter(LeadService leads, ModuleDefinition leadsModule) {
		return RecordWriter.sourced(leadsModule, (user) -> leads.newForm(user, LeadSource.API), leads::formOf,
				(form, user, source) -> {
					if (form.getLeadSource() == null || form.getLeadSource().isBlank()) {
						form.setLeadSource(LeadSource.API.code());
					}
					return leads.create(form, user, source).getId();
				}, leads::update, leads::delete);
	}

}
