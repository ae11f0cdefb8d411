package org.potentia.contact.api;

import org.potentia.contact.ContactForm;
import org.potentia.contact.ContactService;
import org.potentia.platform.api.RecordWriter;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The contacts module of the web service: reads are generic, writes go through the
 * service.
 */
@Configuration(proxyBeanMethods = false)
class ContactApi {

	@Bean
	RecordWriter<ContactForm> contactWriter(ContactService contacts, ModuleDefinition contactsModule) {
		return RecordWriter.sourced(contactsModule, contacts::newForm, contacts::formOf,
				(form, user, source) -> contacts.create(form, user, source).getId(),
				(id, form, user, source) -> contacts.update(id, form, user, source), contacts::delete);
	}

}
