package org.potentia.platform.security;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * The sessions' store in the database, safe for requests of one session that run at the
 * same time (a double click, two tabs saving at once). Each request may add the same
 * session attribute, such as the message a redirect carries to the next page; Spring
 * Session writes a new attribute with a plain {@code INSERT}, so the second request broke
 * the attribute's key and answered 500 after its save had succeeded. An attribute is
 * written as an upsert instead, in the database's dialect: the last request's value wins,
 * as it does for an attribute that both change.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	/**
	 * H2's upsert of an attribute, with the parameters of Spring Session's insert.
	 */
	static final String H2_CREATE_ATTRIBUTE = """
			MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
			VALUES (?, ?, ?)
			""";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributeUpsert(DataSource dataSource)
			throws MetaDataAccessException {
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		if ("PostgreSQL".equalsIgnoreCase(product)) {
			return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
		}
		return (repository) -> repository.setCreateSessionAttributeQuery(H2_CREATE_ATTRIBUTE);
	}

}
