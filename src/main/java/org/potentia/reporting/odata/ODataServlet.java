package org.potentia.reporting.odata;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataHttpHandler;
import org.apache.olingo.server.api.ServiceMetadata;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.web.UserLocaleResolver;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The OData v4 service under {@code /odata/}: Apache Olingo parses the request (URL,
 * system query options, content negotiation) and writes the answer; the catalogue gives
 * the model and {@link FeedProcessor} the data, as the signed-in token's user may see it.
 * The feed is read-only: anything but GET is refused with 405 before Olingo sees it.
 */
final class ODataServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;

	private final transient ODataFeed feed;

	private final transient CatalogueEdmProvider model;

	private final transient FeedErrors errors;

	ODataServlet(ODataFeed feed, FeedErrors errors) {
		this.feed = feed;
		this.model = new CatalogueEdmProvider(feed.catalogue());
		this.errors = errors;
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
			// Olingo's handler and processors keep per-request state: one of each per
			// request, over the same model provider.
			OData odata = OData.newInstance();
			ServiceMetadata metadata = odata.createServiceMetadata(this.model, List.of());
			ODataHttpHandler handler = odata.createHandler(metadata);
			handler.register(new FeedProcessor(this.feed, CurrentUser.get()));
			handler.process(request, response);
		}
		finally {
			LocaleContextHolder.setLocaleContext(previous);
		}
	}

}
