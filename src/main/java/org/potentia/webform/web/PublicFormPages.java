package org.potentia.webform.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.potentia.platform.Messages;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.webform.WebForm;
import org.potentia.webform.WebFormIntake;
import org.springframework.ui.Model;

/**
 * Fills the model of the public form pages: the form with the visitor's values and the
 * messages per field, or the thank-you page.
 */
class PublicFormPages {

	private final WebFormIntake intake;

	private final Messages messages;

	private final Catalogue catalogue;

	PublicFormPages(WebFormIntake intake, Messages messages, Catalogue catalogue) {
		this.intake = intake;
		this.messages = messages;
		this.catalogue = catalogue;
	}

	String form(WebForm form, boolean embed, Map<String, String> values, Map<String, String> errors, String message,
			Model model, HttpServletResponse response) {
		model.addAttribute("form", form);
		model.addAttribute("embed", embed);
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("message", message);
		model.addAttribute("token", this.intake.token(form));
		model.addAttribute("honeypot", WebFormIntake.HONEYPOT);
		model.addAttribute("fieldTypes",
				new FieldTypes(this.catalogue.get(form.getModule()), this.catalogue, this.messages.locale()));
		response.setHeader("Cache-Control", "no-store");
		// The page may be framed by the form's own site and by the sites allowed to post.
		response.setHeader("Content-Security-Policy", "frame-ancestors 'self'"
				+ form.origins().stream().map((origin) -> " " + origin).reduce("", String::concat));
		return "webforms/public";
	}

	String thanks(WebForm form, boolean embed, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("embed", embed);
		model.addAttribute("thankYou", thankYou(form));
		return "webforms/thanks";
	}

	/**
	 * The admin's thank-you message in the visitor's language, else the standard one.
	 */
	String thankYou(WebForm form) {
		String custom = form.thankYou(this.messages.locale());
		return (custom != null) ? custom : this.messages.get("webform.thanks");
	}

	/**
	 * How the template shows each field of the form's module: its input type, its size,
	 * and the labelled options of a picklist.
	 */
	record FieldTypes(ModuleDefinition module, Catalogue catalogue, Locale locale) {

		public String of(String name) {
			return this.module.field(name).map((field) -> switch (field.type()) {
				case EMAIL -> "email";
				case URL -> "url";
				case PHONE -> "tel";
				case LONG_TEXT -> "textarea";
				case BOOLEAN -> "checkbox";
				case DATE -> "date";
				case INTEGER, DECIMAL, MONEY, PERCENT -> "number";
				case PICKLIST -> "select";
				default -> "text";
			}).orElse("text");
		}

		public Map<String, String> options(String name) {
			Map<String, String> options = new LinkedHashMap<>();
			this.module.field(name)
				.ifPresent((field) -> field.options()
					.forEach((option) -> options.put(option, this.catalogue.optionLabel(field, option, this.locale))));
			return options;
		}

		public int size(String name) {
			return this.module.field(name).map(Field::size).orElse(0);
		}

	}

}
