package org.potentia.reporting.odata;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.olingo.server.api.ODataApplicationException;
import org.potentia.platform.Messages;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.ListQuery;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the OData feed reads, through the platform's list queries: a page of a module's
 * records with the visibility rule in the same statement, and counts. Also makes the
 * feed's errors in the user's language.
 */
@Component
class ODataFeed {

	private final RecordQueries queries;

	private final Catalogue catalogue;

	private final Messages messages;

	private final int maxPageSize;

	ODataFeed(RecordQueries queries, Catalogue catalogue, Messages messages,
			@Value("${potentia.odata.max-page-size:1000}") int maxPageSize) {
		this.queries = queries;
		this.catalogue = catalogue;
		this.messages = messages;
		this.maxPageSize = maxPageSize;
	}

	Catalogue catalogue() {
		return this.catalogue;
	}

	/**
	 * The most rows of one page: a client that wants more follows
	 * {@code @odata.nextLink}.
	 */
	int maxPageSize() {
		return this.maxPageSize;
	}

	ModuleDefinition module(String entitySet) throws ODataApplicationException {
		return this.catalogue.find(entitySet)
			.orElseThrow(() -> error(FeedException.notFound("error.odata.unknown_set", entitySet)));
	}

	List<Map<String, Object>> rows(FeedQuery query, CurrentUser user) {
		return this.queries.window(query.module(), query.filter(), query.sort(), query.offset(), query.limit(),
				query.fields(), user);
	}

	long count(ModuleDefinition module, SqlCondition filter, CurrentUser user) {
		return this.queries.count(module, new ListQuery(null, filter, null, 1, 1), user);
	}

	ODataApplicationException error(FeedException ex) {
		return new ODataApplicationException(this.messages.get(ex.messageKey(), ex.arguments()), ex.status(),
				this.messages.locale());
	}

	ODataApplicationException readOnly() {
		return new ODataApplicationException(this.messages.get("error.odata.read_only"), 405, this.messages.locale());
	}

	/**
	 * The language of the feed's answers: the user's.
	 */
	Locale locale() {
		return this.messages.locale();
	}

	String message(String key, Object... arguments) {
		return this.messages.get(key, arguments);
	}

}
