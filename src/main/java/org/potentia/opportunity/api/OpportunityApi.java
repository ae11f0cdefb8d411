package org.potentia.opportunity.api;

import org.potentia.opportunity.OpportunityForm;
import org.potentia.opportunity.OpportunityService;
import org.potentia.platform.SaveSource;
import org.potentia.platform.api.RecordWriter;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The potentials module of the web service: reads are generic, writes go through the
 * service and its rules.
 */
@Configuration(proxyBeanMethods = false)
class OpportunityApi {

	@Bean
	RecordWriter<OpportunityForm> opportunityWriter(OpportunityService opportunities,
			ModuleDefinition potentialsModule) {
		return RecordWriter.sourced(potentialsModule, opportunities::newForm, opportunities::formOf,
				(form, user, source) -> opportunities.create(form, user, source).getId(), opportunities::update,
				(id, user) -> opportunities.delete(id, user, SaveSource.API));
	}

}
