package org.potentia.webform;

import java.util.Locale;

import org.potentia.demo.DemoContext;
import org.potentia.demo.DemoContributor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A demo web form: the website's contact form, handing its leads to the first demo team
 * in turn, with the lead source and a campaign fixed.
 */
@Component
@Order(40)
class WebFormDemo implements DemoContributor {

	private final WebFormService forms;

	WebFormDemo(WebFormService forms) {
		this.forms = forms;
	}

	@Override
	public void contribute(DemoContext context) {
		WebForm form = this.forms.create("Website contact form", "leads", Locale.ENGLISH);
		Long team = context.teams().isEmpty() ? null : context.teams().get(0).getId();
		this.forms.define(form.getId(), null, form.getName(), true, "Talk to us", "Sprechen Sie uns an", null, team,
				"Thank you! One of our sales team will call you within one working day.",
				"Vielen Dank! Jemand aus unserem Vertrieb ruft Sie innerhalb eines Werktags an.", null, null, 3);
		this.forms.fix(form.getId(), "lead_source", "web_form");
		this.forms.fix(form.getId(), "campaign", "Website " + java.time.Year.now());
	}

}
