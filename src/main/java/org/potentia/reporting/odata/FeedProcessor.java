package org.potentia.reporting.odata;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.olingo.commons.api.data.ContextURL;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.data.EntityIterator;
import org.apache.olingo.commons.api.data.Property;
import org.apache.olingo.commons.api.data.ValueType;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataContent;
import org.apache.olingo.server.api.ODataContentWriteErrorContext;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ODataServerError;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.prefer.Preferences;
import org.apache.olingo.server.api.prefer.PreferencesApplied;
import org.apache.olingo.server.api.processor.CountEntityCollectionProcessor;
import org.apache.olingo.server.api.processor.EntityProcessor;
import org.apache.olingo.server.api.processor.ErrorProcessor;
import org.apache.olingo.server.api.serializer.EntityCollectionSerializerOptions;
import org.apache.olingo.server.api.serializer.EntitySerializerOptions;
import org.apache.olingo.server.api.serializer.SerializerException;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceEntitySet;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.queryoption.OrderByItem;
import org.apache.olingo.server.api.uri.queryoption.SelectItem;
import org.apache.olingo.server.api.uri.queryoption.SelectOption;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;
import org.apache.olingo.server.core.serializer.utils.ContextURLBuilder;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.BadQueryException;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the feed's reads for one request (Olingo initialises a processor per handler):
 * an entity set's page with {@code $filter}, {@code $select}, {@code $orderby},
 * {@code $top}, {@code $skip}, {@code $count} and server-driven paging, the entity set's
 * {@code /$count}, and one record by key. Each page is one SQL statement with the
 * visibility rule inside ({@link ODataFeed}). Writes are refused before they get here.
 * Errors, Olingo's own (a malformed URL, an unknown property) as well as the feed's, are
 * written in the user's language.
 */
final class FeedProcessor implements CountEntityCollectionProcessor, EntityProcessor, ErrorProcessor {

	private static final Logger logger = LoggerFactory.getLogger(FeedProcessor.class);

	private final ODataFeed feed;

	private final CurrentUser user;

	private OData odata;

	private ServiceMetadata metadata;

	FeedProcessor(ODataFeed feed, CurrentUser user) {
		this.feed = feed;
		this.user = user;
	}

	@Override
	public void init(OData odata, ServiceMetadata serviceMetadata) {
		this.odata = odata;
		this.metadata = serviceMetadata;
	}

	@Override
	public void readEntityCollection(ODataRequest request, ODataResponse response, UriInfo uriInfo,
			ContentType responseFormat) throws ODataApplicationException, ODataLibraryException {
		EdmEntitySet entitySet = entitySet(uriInfo);
		ModuleDefinition module = this.feed.module(entitySet.getName());
		try {
			refuseUnsupportedOptions(uriInfo);
			SqlCondition filter = filter(module, uriInfo);
			String sort = sort(module, uriInfo);
			List<Field> fields = fields(module, uriInfo.getSelectOption());
			long skip = (uriInfo.getSkipOption() != null) ? uriInfo.getSkipOption().getValue() : 0;
			long top = (uriInfo.getTopOption() != null) ? uriInfo.getTopOption().getValue() : Long.MAX_VALUE;
			long served = skipToken(uriInfo);
			Integer preferred = pageSizePreference(request);
			int pageSize = (preferred != null) ? Math.min(preferred, this.feed.maxPageSize()) : this.feed.maxPageSize();
			long wanted = Math.max(0, top - served);
			int limit = (int) Math.min(pageSize, wanted);
			// One row more than the page, where more are wanted, tells whether a next
			// page
			// has any.
			int fetch = (wanted > limit) ? limit + 1 : limit;
			List<Map<String, Object>> rows = (limit == 0) ? List.of()
					: this.feed.rows(new FeedQuery(module, filter, sort, fields, skip + served, fetch), this.user);
			boolean more = rows.size() > limit;
			EdmEntityType type = entitySet.getEntityType();
			FeedColumns columns = new FeedColumns(module, type, fields);
			List<Map<String, Object>> page = rows.subList(0, Math.min(limit, rows.size()));
			Integer count = (uriInfo.getCountOption() != null && uriInfo.getCountOption().getValue())
					? (int) Math.min(Integer.MAX_VALUE, this.feed.count(module, filter, this.user)) : null;
			URI next = more ? nextLink(request, served + limit) : null;
			SelectOption select = uriInfo.getSelectOption();
			String selectList = this.odata.createUriHelper().buildContextURLSelectList(type, null, select);
			ContextURL context = ContextURL.with()
				.serviceRoot(URI.create(request.getRawBaseUri() + "/"))
				.entitySet(entitySet)
				.selectList(selectList)
				.build();
			if (FeedJson.writes(responseFormat)) {
				response.setODataContent(new FeedJson(columns, page, responseFormat)
					.context(ContextURLBuilder.create(context).toASCIIString())
					.count(count)
					.ids(!keySelected(select))
					.next(next));
			}
			else {
				response.setODataContent(olingoPage(responseFormat, type, columns, page, count, next,
						EntityCollectionSerializerOptions.with()
							.contextURL(context)
							.select(select)
							.count(uriInfo.getCountOption())
							.id(request.getRawBaseUri() + "/" + entitySet.getName())
							.writeContentErrorCallback(FeedProcessor::writeFailed)
							.build()));
			}
			response.setStatusCode(HttpStatusCode.OK.getStatusCode());
			response.setHeader(HttpHeader.CONTENT_TYPE, responseFormat.toContentTypeString());
			if (preferred != null) {
				response.setHeader(HttpHeader.PREFERENCE_APPLIED,
						PreferencesApplied.with().maxPageSize(pageSize).build().toValueString());
			}
		}
		catch (FeedException ex) {
			throw this.feed.error(ex);
		}
		catch (BadQueryException ex) {
			throw this.feed.error(FeedException.badRequest("error.odata.sort", ex));
		}
	}

	/**
	 * A page in the formats {@link FeedJson} leaves to Olingo (full metadata, XML),
	 * written into the response as Olingo goes through the page. The values are checked
	 * before, as for {@link FeedJson}.
	 */
	private ODataContent olingoPage(ContentType format, EdmEntityType type, FeedColumns columns,
			List<Map<String, Object>> rows, Integer count, URI next, EntityCollectionSerializerOptions options)
			throws SerializerException {
		Page page = new Page(entities(columns, rows));
		page.setCount(count);
		page.setNext(next);
		return this.odata.createSerializer(format)
			.entityCollectionStreamed(this.metadata, type, page, options)
			.getODataContent();
	}

	@Override
	public void countEntityCollection(ODataRequest request, ODataResponse response, UriInfo uriInfo)
			throws ODataApplicationException, ODataLibraryException {
		EdmEntitySet entitySet = entitySet(uriInfo);
		ModuleDefinition module = this.feed.module(entitySet.getName());
		try {
			refuseUnsupportedOptions(uriInfo);
			long count = this.feed.count(module, filter(module, uriInfo), this.user);
			response.setContent(new ByteArrayInputStream(String.valueOf(count).getBytes(StandardCharsets.UTF_8)));
			response.setStatusCode(HttpStatusCode.OK.getStatusCode());
			response.setHeader(HttpHeader.CONTENT_TYPE, ContentType.TEXT_PLAIN.toContentTypeString());
		}
		catch (FeedException ex) {
			throw this.feed.error(ex);
		}
	}

	@Override
	public void readEntity(ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType responseFormat)
			throws ODataApplicationException, ODataLibraryException {
		UriResourceEntitySet resource = (UriResourceEntitySet) uriInfo.getUriResourceParts().get(0);
		EdmEntitySet entitySet = resource.getEntitySet();
		ModuleDefinition module = this.feed.module(entitySet.getName());
		String key = resource.getKeyPredicates().get(0).getText();
		try {
			long id;
			try {
				id = Long.parseLong(key);
			}
			catch (NumberFormatException ex) {
				throw FeedException.badRequest("error.odata.key", key);
			}
			List<Field> fields = fields(module, uriInfo.getSelectOption());
			List<Map<String, Object>> rows = this.feed
				.rows(new FeedQuery(module, SqlCondition.of("t.id = ?", id), null, fields, 0, 1), this.user);
			if (rows.isEmpty()) {
				throw FeedException.notFound("error.odata.not_found", id, module.name());
			}
			EdmEntityType type = entitySet.getEntityType();
			FeedColumns columns = new FeedColumns(module, type, fields);
			SelectOption select = uriInfo.getSelectOption();
			ContextURL context = ContextURL.with()
				.serviceRoot(URI.create(request.getRawBaseUri() + "/"))
				.entitySet(entitySet)
				.selectList(this.odata.createUriHelper().buildContextURLSelectList(type, null, select))
				.suffix(ContextURL.Suffix.ENTITY)
				.build();
			response.setContent(this.odata.createSerializer(responseFormat)
				.entity(this.metadata, type, entities(columns, rows).get(0),
						EntitySerializerOptions.with().contextURL(context).select(select).build())
				.getContent());
			response.setStatusCode(HttpStatusCode.OK.getStatusCode());
			response.setHeader(HttpHeader.CONTENT_TYPE, responseFormat.toContentTypeString());
		}
		catch (FeedException ex) {
			throw this.feed.error(ex);
		}
	}

	@Override
	public void createEntity(ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType requestFormat,
			ContentType responseFormat) throws ODataApplicationException {
		throw this.feed.readOnly();
	}

	@Override
	public void updateEntity(ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType requestFormat,
			ContentType responseFormat) throws ODataApplicationException {
		throw this.feed.readOnly();
	}

	@Override
	public void deleteEntity(ODataRequest request, ODataResponse response, UriInfo uriInfo)
			throws ODataApplicationException {
		throw this.feed.readOnly();
	}

	/**
	 * An error as an OData error document. Olingo's own errors (the URL's parser, its
	 * checks, content negotiation) come in English; they are written in the user's
	 * language where its bundle has them ({@code server-core-exceptions-i18n_de}). The
	 * code is the status, as in the errors {@link FeedErrors} writes.
	 */
	@Override
	public void processError(ODataRequest request, ODataResponse response, ODataServerError error, ContentType format) {
		if (error.getException() instanceof ODataLibraryException library) {
			error.setMessage(library.getTranslatedMessage(this.feed.locale()).getMessage());
		}
		if (error.getCode() == null) {
			error.setCode(String.valueOf(error.getStatusCode()));
		}
		try {
			response.setContent(this.odata.createSerializer(format).error(error).getContent());
			response.setStatusCode(error.getStatusCode());
			response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
		}
		catch (SerializerException ex) {
			logger.error("The OData feed could not write an error", ex);
			response.setStatusCode(HttpStatusCode.INTERNAL_SERVER_ERROR.getStatusCode());
		}
	}

	private EdmEntitySet entitySet(UriInfo uriInfo) throws ODataApplicationException {
		List<UriResource> parts = uriInfo.getUriResourceParts();
		if (parts.isEmpty() || !(parts.get(0) instanceof UriResourceEntitySet resource)) {
			throw this.feed.error(FeedException.badRequest("error.odata.unsupported", uriInfo.toString()));
		}
		return resource.getEntitySet();
	}

	/**
	 * The system query options that would change which rows or what shape a collection
	 * answers, and that the feed does not implement: refused with 501, as OData asks,
	 * rather than ignored (a client asking for {@code $apply=aggregate(…)} or
	 * {@code $search} would otherwise take the plain rows for its answer).
	 */
	private static void refuseUnsupportedOptions(UriInfo uriInfo) {
		if (uriInfo.getSearchOption() != null) {
			throw FeedException.notImplemented("error.odata.unsupported", "$search");
		}
		if (uriInfo.getApplyOption() != null) {
			throw FeedException.notImplemented("error.odata.unsupported", "$apply");
		}
		if (uriInfo.getDeltaTokenOption() != null) {
			throw FeedException.notImplemented("error.odata.unsupported", "$deltatoken");
		}
	}

	private static SqlCondition filter(ModuleDefinition module, UriInfo uriInfo) {
		if (uriInfo.getFilterOption() == null || uriInfo.getFilterOption().getExpression() == null) {
			return SqlCondition.TRUE;
		}
		return FilterTranslator.translate(module, uriInfo.getFilterOption().getExpression());
	}

	/**
	 * The {@code $orderby} in API syntax: only properties of the record, each ascending
	 * or descending.
	 */
	private static String sort(ModuleDefinition module, UriInfo uriInfo) {
		if (uriInfo.getOrderByOption() == null) {
			return null;
		}
		List<String> terms = new ArrayList<>();
		for (OrderByItem item : uriInfo.getOrderByOption().getOrders()) {
			String name = property(item.getExpression());
			if (name == null) {
				throw FeedException.badRequest("error.odata.sort", item.getExpression().toString());
			}
			terms.add((item.isDescending() ? "-" : "") + name);
		}
		return terms.isEmpty() ? null : String.join(",", terms);
	}

	private static String property(Object expression) {
		if (expression instanceof Member member) {
			List<UriResource> parts = member.getResourcePath().getUriResourceParts();
			if (parts.size() == 1 && parts.get(0) instanceof UriResourcePrimitiveProperty property) {
				return property.getProperty().getName();
			}
		}
		return null;
	}

	/**
	 * The fields to read: all, or the key and those {@code $select} names.
	 */
	static List<Field> fields(ModuleDefinition module, SelectOption select) {
		if (select == null || select.getSelectItems().stream().anyMatch(SelectItem::isStar)) {
			return module.fields();
		}
		Set<String> names = new LinkedHashSet<>();
		names.add("id");
		for (SelectItem item : select.getSelectItems()) {
			List<UriResource> parts = (item.getResourcePath() != null) ? item.getResourcePath().getUriResourceParts()
					: List.of();
			if (parts.size() != 1 || !(parts.get(0) instanceof UriResourcePrimitiveProperty property)) {
				throw FeedException.badRequest("error.odata.unsupported", "$select");
			}
			names.add(property.getProperty().getName());
		}
		return module.fields().stream().filter((field) -> names.contains(field.name())).toList();
	}

	/**
	 * Whether the {@code $select} names the key, as Olingo reads it: without it, minimal
	 * metadata gives each record its {@code @odata.id}.
	 */
	static boolean keySelected(SelectOption select) {
		if (select == null || select.getSelectItems().stream().anyMatch(SelectItem::isStar)) {
			return true;
		}
		for (SelectItem item : select.getSelectItems()) {
			List<UriResource> parts = (item.getResourcePath() != null) ? item.getResourcePath().getUriResourceParts()
					: List.of();
			if (parts.size() == 1 && parts.get(0) instanceof UriResourcePrimitiveProperty property
					&& "id".equals(property.getProperty().getName())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * How many rows of the answer earlier pages served: the {@code $skiptoken} of a next
	 * link.
	 */
	private static long skipToken(UriInfo uriInfo) {
		if (uriInfo.getSkipTokenOption() == null) {
			return 0;
		}
		String token = uriInfo.getSkipTokenOption().getValue();
		try {
			long served = Long.parseLong(token);
			if (served < 0) {
				throw new NumberFormatException(token);
			}
			return served;
		}
		catch (NumberFormatException ex) {
			throw FeedException.badRequest("error.odata.skiptoken", token);
		}
	}

	private Integer pageSizePreference(ODataRequest request) {
		List<String> prefer = request.getHeaders(HttpHeader.PREFER);
		if (prefer == null || prefer.isEmpty()) {
			return null;
		}
		Preferences preferences = this.odata.createPreferences(prefer);
		Integer size = preferences.getMaxPageSize();
		return (size != null && size > 0) ? size : null;
	}

	/**
	 * The request again, with the rows served so far as {@code $skiptoken}: the same
	 * filter, sort, selection, {@code $skip} and {@code $top}.
	 */
	private static URI nextLink(ODataRequest request, long served) {
		List<String> options = new ArrayList<>();
		String query = request.getRawQueryPath();
		if (query != null && !query.isEmpty()) {
			for (String option : query.split("&")) {
				String name = option.split("=", 2)[0];
				if (!name.equalsIgnoreCase("$skiptoken") && !name.equalsIgnoreCase("%24skiptoken")
						&& !option.isEmpty()) {
					options.add(option);
				}
			}
		}
		options.add("$skiptoken=" + served);
		return URI.create(request.getRawBaseUri() + request.getRawODataPath() + "?" + String.join("&", options));
	}

	/**
	 * A page that could not be written to its end: the status and the first part are sent
	 * by then, so the client sees a document cut short; the cause is logged. Values are
	 * checked before ({@link #writable}), so only the connection failing ends here.
	 */
	private static void writeFailed(ODataContentWriteErrorContext context, WritableByteChannel channel) {
		FeedJson.cutShort(context.getException());
	}

	/**
	 * The rows of a page as entities for Olingo's serializer, each value checked the way
	 * the serializer will write it ({@link FeedColumns#texts}). The page is streamed
	 * after the status is sent, when a value that does not fit could only cut the
	 * document short; found here, it is an OData error instead, naming the record and the
	 * property.
	 * @throws FeedException (500) for a value that does not fit its property
	 */
	static List<Entity> entities(FeedColumns columns, List<Map<String, Object>> rows) {
		List<Entity> entities = new ArrayList<>(rows.size());
		for (Map<String, Object> row : rows) {
			columns.texts(row);
			Entity entity = new Entity();
			// The type is what full metadata writes as "@odata.type".
			entity.setType(CatalogueEdmProvider.NAMESPACE + "." + columns.module().name());
			for (int i = 0; i < columns.size(); i++) {
				entity.addProperty(new Property(null, columns.name(i), ValueType.PRIMITIVE, columns.value(row, i)));
			}
			entity.setId(URI.create(columns.module().name() + "(" + row.get("id") + ")"));
			entities.add(entity);
		}
		return entities;
	}

	/**
	 * The entities of a page, for the serializer to stream.
	 */
	private static final class Page extends EntityIterator {

		private final Iterator<Entity> entities;

		Page(List<Entity> entities) {
			this.entities = entities.iterator();
		}

		@Override
		public boolean hasNext() {
			return this.entities.hasNext();
		}

		@Override
		public Entity next() {
			return this.entities.next();
		}

	}

}
