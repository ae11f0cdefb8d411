package org.potentia.identity.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.potentia.identity.IdentityService;
import org.potentia.identity.Team;
import org.potentia.platform.web.RefusedForms;
import org.potentia.testing.HtmlForm;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.PotentiaTest;
import org.potentia.testing.Texts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The teams page: a rename is saved; a rename from a page older than the team's last save
 * is refused instead of overwriting it; a name another team has is refused with the typed
 * name kept for the page.
 */
@PotentiaTest
class TeamAdminControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	People people;

	@Autowired
	IdentityService identity;

	@Test
	void aRenameFromAnOlderPageIsRefused() throws Exception {
		RequestPostProcessor admin = user(this.users.loadUserByUsername(this.people.admin().username()));
		Team team = this.people.team();
		String path = "/admin/teams/" + team.getId();
		HtmlForm form = HtmlForm.in(page(admin), path);
		assertThat(form.value("version")).isEqualTo(String.valueOf(team.getVersion()));

		String first = Names.unique("First");
		this.mvc.perform(form.set("name", first).post(admin))
			.andExpect(redirectedUrl("/admin/teams"))
			.andExpect(flash().attribute("success", "Saved."));
		this.mvc.perform(form.set("name", Names.unique("Second")).post(admin))
			.andExpect(redirectedUrl("/admin/teams"))
			.andExpect(flash().attribute("error", containsString(Texts.STALE)));

		assertThat(name(team)).isEqualTo(first);
	}

	@Test
	void aNameAnotherTeamHasIsRefusedAndKeptForThePage() throws Exception {
		RequestPostProcessor admin = user(this.users.loadUserByUsername(this.people.admin().username()));
		Team team = this.people.team();
		Team other = this.people.team();
		HtmlForm form = HtmlForm.in(page(admin), "/admin/teams/" + team.getId());

		this.mvc.perform(form.set("name", other.getName().toUpperCase()).post(admin))
			.andExpect(flash().attribute("error", "A team with this name exists."))
			.andExpect(flash().attribute(RefusedForms.ATTRIBUTE,
					new RefusedForms.RefusedForm("/admin/teams/" + team.getId(),
							List.of(new RefusedForms.Value("version", String.valueOf(team.getVersion())),
									new RefusedForms.Value("name", other.getName().toUpperCase())))));

		assertThat(name(team)).isEqualTo(team.getName());
	}

	private String name(Team team) {
		return this.identity.allTeams()
			.stream()
			.filter((candidate) -> candidate.getId().equals(team.getId()))
			.findFirst()
			.orElseThrow()
			.getName();
	}

	private String page(RequestPostProcessor admin) throws Exception {
		return this.mvc.perform(get("/admin/teams").with(admin)).andReturn().getResponse().getContentAsString();
	}

}
