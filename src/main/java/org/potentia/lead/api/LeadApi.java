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
		// A new lead's saved event carries its lead source; an update carries the source
		// of
		// the write (api, workflow, web_form).
		return RecordWriter.sourced(leadsModule, (user) -> leads.newForm(user, LeadSource.API), leads::formOf,
				(form, user, source) -> {
					if (form.getLeadSource() == null || form.getLeadSource().isBlank()) {
						form.setLeadSource(LeadSource.API.code());
					}
					return leads.create(form, user).getId();
				}, (id, form, user, source) -> leads.update(id, form, user, source), leads::delete);
	}

}
