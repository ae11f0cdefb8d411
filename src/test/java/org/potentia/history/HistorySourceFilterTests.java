package org.potentia.history;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.potentia.opportunity.OpportunityForm;
import org.potentia.opportunity.OpportunityService;
import org.potentia.platform.SaveSource;
import org.potentia.testing.Api;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every source a history row can have is one the API's filter takes: the catalogue's
 * options are the sources themselves, so a row saved from a web form is found by
 * {@code {"source":"web_form"}}.
 */
@PotentiaTest
class HistorySourceFilterTests {

	@Autowired
	OpportunityService opportunities;

	@Autowired
	People people;

	@Autowired
	Api api;

	@Test
	void everySourceCanBeFilteredBy() {
		Person admin = this.people.admin();
		OpportunityForm form = new OpportunityForm();
		form.setName(Names.unique("From the website"));
		long created = this.opportunities.create(form, admin.currentUser(), SaveSource.WEB_FORM);
		for (SaveSource source : SaveSource.values()) {
			Api.Response response = this.api.as(admin)
				.get("/api/v1/potential_history?filter=" + Api.encode("{\"source\":\"" + source.code() + "\"}"));
			assertThat(response.status()).as(source.code()).isEqualTo(200);
		}
		Api.Response webForm = this.api.as(admin)
			.get("/api/v1/potential_history?filter="
					+ Api.encode("{\"$and\":[{\"source\":\"web_form\"},{\"potential_id\":" + created + "}]}"));
		assertThat(webForm.json().path("data").size()).isEqualTo(1);
		assertThat(webForm.attribute("source")).containsExactly("web_form");
	}

}
