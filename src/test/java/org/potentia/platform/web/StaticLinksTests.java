package org.potentia.platform.web;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.potentia.testing.People;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Pages link their static files with the content's hash in the name, and those files are
 * kept by the browser for a year; the pages themselves are never stored
 * ({@link StaticLinkFilter}).
 */
@PotentiaTest
class StaticLinksTests {

	private static final String HASHED = ".*-[0-9a-f]{32}\\.(css|js)$";

	@Autowired
	MockMvc mvc;

	@Autowired
	People people;

	@Autowired
	UserDetailsService users;

	@Test
	void aPageLinksItsStaticFilesByTheirContentsHash() throws Exception {
		Document page = page("/profile");
		List<String> links = page.select("link[rel=stylesheet]").eachAttr("href");
		links.addAll(page.select("script[src]").eachAttr("src"));

		assertThat(links).hasSizeGreaterThanOrEqualTo(5).allMatch((link) -> link.matches(HASHED));
		assertThat(links).anyMatch((link) -> link.startsWith("/webjars/bootstrap/"))
			.anyMatch((link) -> link.startsWith("/js/potentia-"));
		// Links that are no static file are written as they are.
		assertThat(page.select("a.navbar-brand").attr("href")).isEqualTo("/");
		assertThat(page.select("a[href^=/profile]").eachAttr("href")).contains("/profile");
	}

	@Test
	void aHashedFileIsKeptForAYearAndThePageIsNeverStored() throws Exception {
		Document page = page("/profile");
		String script = page.select("script[src^=/js/potentia-]").attr("src");

		MockHttpServletResponse file = this.mvc.perform(get(script)).andReturn().getResponse();
		assertThat(file.getStatus()).isEqualTo(200);
		assertThat(file.getHeader("Cache-Control")).isEqualTo("max-age=31536000");
		assertThat(file.getContentAsString())
			.isEqualTo(this.mvc.perform(get("/js/potentia.js")).andReturn().getResponse().getContentAsString());

		MockHttpServletResponse html = this.mvc
			.perform(get("/profile").with(user(this.users.loadUserByUsername(this.people.rep().username()))))
			.andReturn()
			.getResponse();
		assertThat(html.getHeader("Cache-Control")).contains("no-store");
	}

	@Test
	void aFileAskedForWithAnotherContentsHashIsNotFound() throws Exception {
		assertThat(this.mvc.perform(get("/js/potentia-00000000000000000000000000000000.js"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void theSignInPageLinksHashedFilesToo() throws Exception {
		Document signIn = Jsoup.parse(this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString());
		assertThat(signIn.select("script[src]").eachAttr("src")).isNotEmpty().allMatch((src) -> src.matches(HASHED));
	}

	private Document page(String path) throws Exception {
		String html = this.mvc
			.perform(get(path).with(user(this.users.loadUserByUsername(this.people.rep().username()))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

}
