package org.potentia.imports.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.imports.CsvImports;
import org.potentia.imports.ImportJob;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.potentia.testing.WebSession.Answer;
import org.potentia.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The CSV import's upload with odd file names (issue 11): through Tomcat, a name with a
 * NUL is refused with a message and nothing kept; other control characters, folders and
 * the like are cleaned from the name that is kept; a long name is taken; a file over the
 * size limit gets a page saying so; an unknown module is 404.
 */
@PotentiaTest
class UploadFileNameTests {

	private static final byte[] CSV = "name\nAcme\n".getBytes(StandardCharsets.UTF_8);

	@Autowired
	People people;

	@Autowired
	CsvImports imports;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Value("${local.server.port}")
	int port;

	Person rep;

	@BeforeEach
	void setUp() {
		this.rep = this.people.rep();
	}

	@Test
	void aNulInTheFileNameIsRefusedWithAMessageAndNothingKept() {
		WebSession session = WebSession.signIn(this.port, this.rep);
		String csrf = WebSession.csrfToken(session.get("/import/accounts").body());

		Answer answer = session.postMultipart("/import/accounts", List.of(Map.entry("_csrf", csrf)), "file",
				"acme\0.csv".getBytes(StandardCharsets.UTF_8), "text/csv", CSV);

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).contains("The file name holds characters that are not allowed");
		assertThat(this.imports.recent("accounts", this.rep.currentUser())).isEmpty();
	}

	@Test
	void controlCharactersAndFoldersAreCleanedFromTheKeptName() {
		WebSession session = WebSession.signIn(this.port, this.rep);
		String csrf = WebSession.csrfToken(session.get("/import/accounts").body());

		Answer answer = session.postMultipart("/import/accounts", List.of(Map.entry("_csrf", csrf)), "file",
				"..\\up\\ac\u0001me\u001f.csv".getBytes(StandardCharsets.UTF_8), "text/csv", CSV);

		assertThat(answer.status()).isEqualTo(302);
		List<ImportJob> kept = this.imports.recent("accounts", this.rep.currentUser());
		assertThat(kept).extracting(ImportJob::fileName).containsExactly("acme.csv");
	}

	@Test
	void aNulThatReachesTheControllerIsCleanedToo() throws Exception {
		this.mvc
			.perform(multipart("/import/accounts").file(new MockMultipartFile("file", "ac\0me.csv", "text/csv", CSV))
				.with(csrf())
				.with(user(this.users.loadUserByUsername(this.rep.username()))))
			.andExpect(status().is3xxRedirection());

		assertThat(this.imports.recent("accounts", this.rep.currentUser())).extracting(ImportJob::fileName)
			.containsExactly("acme.csv");
	}

	@Test
	void aLongFileNameIsTaken() {
		WebSession session = WebSession.signIn(this.port, this.rep);
		String csrf = WebSession.csrfToken(session.get("/import/accounts").body());

		Answer answer = session.postMultipart("/import/accounts", List.of(Map.entry("_csrf", csrf)), "file",
				("q\"".repeat(150) + ".csv").getBytes(StandardCharsets.UTF_8), "text/csv", CSV);

		assertThat(answer.status()).isEqualTo(302);
		assertThat(this.imports.recent("accounts", this.rep.currentUser())).hasSize(1);
	}

	@Test
	void aFileOverTheLimitIsRefusedWithAPage() {
		WebSession session = WebSession.signIn(this.port, this.rep);
		String csrf = WebSession.csrfToken(session.get("/import/accounts").body());

		Answer answer = session.postMultipart("/import/accounts", List.of(Map.entry("_csrf", csrf)), "file",
				"big.csv".getBytes(StandardCharsets.UTF_8), "text/csv", new byte[50 * 1024 * 1024 + 1]);

		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.body()).contains("The file is too large: a page takes files of up to 50 MB.");
		assertThat(this.imports.recent("accounts", this.rep.currentUser())).isEmpty();
	}

	@Test
	void anUnknownModuleIsNotFound() {
		WebSession session = WebSession.signIn(this.port, this.rep);
		String csrf = WebSession.csrfToken(session.get("/import/accounts").body());

		Answer answer = session.postMultipart("/import/no_such_module", List.of(Map.entry("_csrf", csrf)), "file",
				"acme.csv".getBytes(StandardCharsets.UTF_8), "text/csv", CSV);

		assertThat(answer.status()).isEqualTo(404);
		assertThat(session.get("/import/no_such_module").status()).isEqualTo(404);
	}

}
