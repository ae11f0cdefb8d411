package org.potentia.identity;

import java.util.Arrays;

import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The users module in the catalogue: readable by every signed-in user (owner pickers,
 * {@code include=owner}), never with the password.
 */
@Configuration(proxyBeanMethods = false)
class UserCatalogue {

	static final String NAME = "users";

	@Bean
	ModuleDefinition usersModule() {
		return ModuleDefinition.builder(NAME, "users")
			.display("concat_ws(' ', {a}.first_name, {a}.last_name)")
			.search("LOWER(concat_ws(' ', {a}.first_name, {a}.last_name, {a}.username))")
			.defaultSort("last_name,first_name")
			.field(Field.of("username", FieldType.TEXT).size(100).required().readOnly())
			.field(Field.of("first_name", FieldType.TEXT).size(100).readOnly())
			.field(Field.of("last_name", FieldType.TEXT).size(100).required().readOnly())
			.field(Field.of("email", FieldType.EMAIL).size(200).readOnly())
			.field(Field.of("role", FieldType.PICKLIST)
				.options(Arrays.stream(Role.values()).map((role) -> role.name().toLowerCase()).toList())
				.readOnly())
			.field(Field.of("team_id", FieldType.INTEGER).readOnly())
			.field(Field.of("active", FieldType.BOOLEAN).readOnly())
			.build();
	}

}
