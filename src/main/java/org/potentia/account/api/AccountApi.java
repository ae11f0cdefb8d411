package org.potentia.account.api;

import org.potentia.account.AccountForm;
import org.potentia.account.AccountService;
import org.potentia.platform.api.RecordWriter;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The accounts module of the web service: reads are generic, writes go through the
 * service.
 */
@Configuration(proxyBeanMethods = false)
class AccountApi {

	@Bean
	RecordWriter<AccountForm> accountWriter(AccountService accounts, ModuleDefinition accountsModule) {
		return RecordWriter.sourced(accountsModule, accounts::newForm, accounts::formOf,
				(form, user, source) -> accounts.create(form, user, source).getId(),
				(id, form, user, source) -> accounts.update(id, form, user, source), accounts::delete);
	}

}
