package org.potentia.reporting.odata;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.EdmEntityContainer;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataHttpHandler;
import org.apache.olingo.server.api.ServiceMetadata;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.web.UserLocaleResolver;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The OData v4 service under {@code /odata/}: Apache Olingo parses the request (URL,
 * system query options, content negotiation) and writes the answer (a page in JSON with
 * minimal or no metadata by the feed's own {@link FeedJson}); the catalogue gives the
 * model and {@link FeedProcessor} the data, as the signed-in token's user may see it. The
 * feed is read-only: anything but GET is refused with 405 before Olingo sees it.
 */
final class ODataServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;

	/**
	 * The deepest nesting of parentheses a query may have: Olingo's parser recurses per
	 * level, and a thousand levels overflow its stack.
	 */
	static final int MAX_DEPTH = 50;

	private final transient ODataFeed feed;

	private final transient OData odata = OData.newInstance();

	private final transient ServiceMetadata metadata;

	private final transient FeedErrors errors;

	ODataServlet(ODataFeed feed, FeedErrors errors) {
		this.feed = feed;
		this.metadata = metadata(this.odata, feed.catalogue());
		this.errors = errors;
	}

	/**
	 * The feed's model, made once: it depends on the catalogue alone, which is fixed when
	 * the application starts (the modules' definitions are beans, and nothing adds fields
	 * later). Olingo's model fills its caches lazily, partly in fields without
	 * synchronisation, so every entity set, type and property is read here, before the
	 * servlet serves its first request, and requests only read what is already there.
	 */
	static ServiceMetadata metadata(OData odata, Catalogue catalogue) {
		ServiceMetadata metadata = odata.createServiceMetadata(new CatalogueEdmProvider(catalogue), List.of());
		Edm edm = metadata.getEdm();
		edm.getSchemas();
		EdmEntityContainer container = edm.getEntityContainer();
		for (EdmEntitySet set : container.getEntitySets()) {
			container.getEntitySet(set.getName());
			EdmEntityType type = set.getEntityType();
			type.getKeyPredicateNames();
			type.getKeyPropertyRefs();
			type.getNavigationPropertyNames();
			for (String name : type.getPropertyNames()) {
				type.getStructuralProperty(name).getType();
			}
		}
		return metadata;
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
		LocaleContext previous = LocaleContextHolder.getLocaleContext();
		LocaleContextHolder.setLocale(new UserLocaleResolver().resolveLocale(request));
		try {
			if (!"GET".equals(request.getMethod())) {
				response.setHeader("Allow", "GET");
				this.errors.write(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
						this.feed.message("error.odata.read_only"));
				return;
			}
			if (depth(request.getQueryString()) > MAX_DEPTH) {
				this.errors.write(response, HttpServletResponse.SC_BAD_REQUEST,
						this.feed.message("error.odata.too_deep", MAX_DEPTH));
				return;
			}
			// Olingo's handler and processors keep per-request state: one of each per
			// request, over the same model.
			ODataHttpHandler handler = this.odata.createHandler(this.metadata);
			handler.register(new FeedProcessor(this.feed, CurrentUser.get()));
			handler.process(request, response);
		}
		finally {
			LocaleContextHolder.setLocaleContext(previous);
		}
	}

	/**
	 * How deeply the query string's parentheses nest, written plainly or percent-encoded.
	 */
	static int depth(String query) {
		if (query == null) {
			return 0;
		}
		String text = query.replace("%28", "(").replace("%29", ")");
		int depth = 0;
		int deepest = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '(') {
				deepest = Math.max(deepest, ++depth);
			}
			else if (c == ')') {
				depth = Math.max(0, depth - 1);
			}
		}
		return deepest;
	}

}
