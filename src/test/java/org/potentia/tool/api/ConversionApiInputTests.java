package org.potentia.tool.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.potentia.lead.LeadForm;
import org.potentia.lead.LeadService;
import org.potentia.platform.SaveSource;
import org.potentia.testing.Api;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conversion's options in the API take only what they can mean: ids as whole numbers,
 * the create flags as true or false, mapped values as single values. Anything else is a
 * 400 and the lead stays unconverted (found by the fuzz test: these were 500s).
 */
@PotentiaTest
class ConversionApiInputTests {

	@Autowired
	Api api;

	@Autowired
	People people;

	@Autowired
	LeadService leads;

	@ParameterizedTest
	@ValueSource(strings = { "{\"account_id\":1E+999999999}", "{\"account_id\":[]}", "{\"contact_id\":1.5}",
			"{\"create_account\":\"\"}", "{\"create_contact\":{\"a\":[]}}", "{\"create_account\":1}",
			"{\"tool\":1E+999999999}", "{\"tool\":[]}", "{\"accounts\":{\"name\":{\"b\":[]}}}",
			"{\"potentials\":{\"amount\":[1,2]}}" })
	void aValueThatCannotMeanAnythingIsRefusedAndTheLeadStaysAsItWas(String attributes) {
		Person rep = this.people.rep(this.people.team());
		LeadForm form = this.leads.newForm(rep.currentUser());
		form.setLastName(Names.unique("Input"));
		form.setCompany(Names.unique("Input GmbH"));
		long lead = this.leads.create(form, rep.currentUser(), SaveSource.FORM);

		Api.Response response = this.api.as(rep)
			.post("/api/v1/leads/" + lead + "/convert",
					"{\"data\":{\"type\":\"leads\",\"attributes\":" + attributes + "}}");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("errors").get(0).path("status").asString()).isEqualTo("400");
		assertThat(this.leads.get(lead, rep.currentUser()).getConvertedAt()).isNull();
	}

}
