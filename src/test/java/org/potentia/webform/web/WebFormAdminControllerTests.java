package org.potentia.webform.web;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.potentia.testing.Names;
import org.potentia.testing.HtmlForm;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.potentia.testing.Texts;
import org.potentia.webform.WebForm;
import org.potentia.webform.WebFormIntake;
import org.potentia.webform.WebFormService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin sets up a web form page by page and finds the snippets to paste; bad settings
 * are refused with a message, and nobody else may.
 */
@PotentiaTest
class WebFormAdminControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	WebFormService forms;

	@Autowired
	WebFormIntake intake;

	@Autowired
	People people;

	Person admin;

	String tag;

	@BeforeEach
	void setUp() {
		this.admin = this.people.admin();
		this.tag = Names.tag();
	}

	@AfterEach
	void tearDown() {
		this.forms.all()
			.stream()
			.filter((form) -> form.getName().contains(this.tag))
			.forEach((form) -> this.forms.delete(form.getId()));
	}

	@Test
	void theAdminCreatesAFormSetsItUpAndFindsItsSnippets() throws Exception {
		this.mvc
			.perform(post("/admin/forms").with(as(this.admin))
				.with(csrf())
				.param("name", "Fair " + this.tag)
				.param("module", "leads"))
			.andExpect(redirectedUrlPattern("/admin/forms/*"));
		WebForm form = created();
		assertThat(form.getFields()).extracting((field) -> field.getField())
			.contains("last_name", "email", "marketing_consent");
		String path = "/admin/forms/" + form.getId();

		submit(path + "/fields", Map.of("field", "mobile", "labelEn", "Mobile phone", "labelDe", "Handy"))
			.andExpect(flash().attribute("success", "Saved."));
		submit(path + "/fixed", Map.of("field", "lead_source", "value", "campaign"))
			.andExpect(flash().attribute("success", "Saved."));
		submit(path + "/fixed", Map.of("field", "campaign", "value", "Fair 2027"))
			.andExpect(flash().attribute("success", "Saved."));
		submit(path,
				Map.of("name", "Fair " + this.tag, "active", "true", "allowedOrigins",
						"https://www.example.com/\nhttps://shop.example.com:8443", "minFillSeconds", "4", "thankYouEn",
						"See you at the fair!"))
			.andExpect(flash().attribute("success", "Saved."));

		form = this.forms.get(form.getId());
		assertThat(form.origins()).containsExactly("https://www.example.com", "https://shop.example.com:8443");
		assertThat(form.getMinFillSeconds()).isEqualTo(4);
		assertThat(form.fixedValue("lead_source").orElseThrow().getValue()).isEqualTo("campaign");
		String page = page(path);
		assertThat(page).contains("Mobile phone", "Handy", "Fair 2027", "/forms/" + form.getKey(),
				"&lt;iframe src=&quot;http://localhost/forms/" + form.getKey() + "?embed=true",
				"name=&quot;mobile&quot;", "See you at the fair!");
		assertThat(page(("/admin/forms"))).contains("Fair " + this.tag);
	}

	/**
	 * Two admins change the same form's settings: the second save, made from the page as
	 * it was before the first, is refused instead of overwriting it.
	 */
	@Test
	void settingsSavedFromAnOlderPageAreRefused() throws Exception {
		WebForm form = this.forms.create("Shared " + this.tag, "leads", java.util.Locale.ENGLISH);
		String path = "/admin/forms/" + form.getId();
		String version = HtmlForm.in(page(path), path).value("version");
		submit(path, Map.of("name", "First " + this.tag, "version", version))
			.andExpect(flash().attribute("success", "Saved."));

		submit(path, Map.of("name", "Second " + this.tag, "version", version))
			.andExpect(flash().attribute("error", containsString(Texts.STALE)));

		assertThat(this.forms.get(form.getId()).getName()).isEqualTo("First " + this.tag);
	}

	@Test
	void badSettingsAreRefusedWithAMessage() throws Exception {
		WebForm form = this.forms.create("Bad " + this.tag, "leads", java.util.Locale.ENGLISH);
		String path = "/admin/forms/" + form.getId();

		submit(path, Map.of("name", "Bad " + this.tag, "allowedOrigins", "https://www.example.com/path"))
			.andExpect(flash().attribute("error",
					"Not an origin (scheme, host and port only, such as https://www.example.com): https://www.example.com/path"));
		submit(path, Map.of("name", "Bad " + this.tag, "redirectUrl", "javascript:alert(1)"))
			.andExpect(flash().attribute("error", "Enter a web address starting with http:// or https://."));
		submit(path + "/fixed", Map.of("field", "lead_source", "value", "carrier pigeon"))
			.andExpect(flash().attribute("error", "Choose one of the listed values."));
		submit(path + "/fields", Map.of("field", "owner_id"))
			.andExpect(flash().attribute("error", "Choose one of the listed values."));
		submit(path + "/fields", Map.of("field", "email"))
			.andExpect(flash().attribute("error", "The form already shows this field."));
		this.forms.removeField(form.getId(), form.field("last_name").orElseThrow().getId());
		this.forms.define(form.getId(), null, form.getName(), true, null, null, this.admin.id(), null, null, null, null,
				null, 0);
		WebForm open = this.forms.get(form.getId());
		this.intake.submit(open,
				Map.of("email", "lost-" + this.tag + "@example.com", "_token", this.intake.token(open)), "10.8.0.1");
		assertThat(page(path)).contains("Every submission will fail to save", "Last name", "lost-" + this.tag, "failed",
				"Retry now");
	}

	@Test
	void onlyAdminsMayManageForms() throws Exception {
		Person rep = this.people.rep();
		this.mvc.perform(get("/admin/forms").with(as(rep))).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/forms").with(as(rep)).with(csrf()).param("name", "Rep " + this.tag))
			.andExpect(status().isForbidden());
		assertThat(this.forms.all()).noneMatch((form) -> form.getName().contains(this.tag));
	}

	private WebForm created() {
		return this.forms.all().stream().filter((form) -> form.getName().contains(this.tag)).findFirst().orElseThrow();
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path).with(as(this.admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private ResultActions submit(String path, Map<String, String> parameters) throws Exception {
		var request = post(path).with(as(this.admin)).with(csrf());
		parameters.forEach(request::param);
		return this.mvc.perform(request).andExpect(status().is3xxRedirection());
	}

	private RequestPostProcessor as(Person person) {
		return user(this.users.loadUserByUsername(person.username()));
	}

}
