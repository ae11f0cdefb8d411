package org.potentia.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.potentia.platform.StaticFiles;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Writes the links to static files ({@code @{/js/potentia.js}} in a template) with their
 * content's hash ({@code /js/potentia-5f1c….js}), so that a browser keeps them for a year
 * and asks again only when a new release changes them (see {@code spring.web.resources.*}
 * in {@code application.properties}). Spring's own {@code ResourceUrlEncodingFilter} does
 * this for every link a page writes and, for a link that is no static file, searches the
 * classpath each time; this one passes only the static folders' links to the resolvers,
 * which remember what they found.
 */
class StaticLinkFilter extends OncePerRequestFilter {

	private final ResourceUrlProvider urls;

	StaticLinkFilter(ResourceUrlProvider urls) {
		this.urls = urls;
	}

	/**
	 * The error page is a page of the layout too.
	 */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contextPath = request.getContextPath();
		chain.doFilter(request, new HttpServletResponseWrapper(response) {

			@Override
			public String encodeURL(String url) {
				return super.encodeURL(versioned(contextPath, url));
			}

		});
	}

	private String versioned(String contextPath, String url) {
		// Most links of a page are a record's: told apart by their start alone.
		if (!url.startsWith(contextPath) || !StaticFiles.inFolder(url.substring(contextPath.length()))) {
			return url;
		}
		String path = url.substring(contextPath.length());
		int end = indexOfQueryOrFragment(path);
		String found = this.urls.getForLookupPath(path.substring(0, end));
		return (found != null) ? contextPath + found + path.substring(end) : url;
	}

	private static int indexOfQueryOrFragment(String path) {
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c == '?' || c == '#') {
				return i;
			}
		}
		return path.length();
	}

}
