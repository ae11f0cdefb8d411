package org.potentia.webform.web;

import java.util.Locale;

import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.webform.WebForm;
import org.potentia.webform.WebFormField;
import org.potentia.webform.WebFormIntake;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML an admin pastes into a website: an iframe of the form's page, or the form's
 * own fields as plain HTML that fetches its token from Potentia and posts back to it
 * (which needs the website's origin among the form's allowed origins).
 */
final class Snippets {

	private Snippets() {
	}

	static String iframe(String base, WebForm form, Locale locale) {
		return "<iframe src=\"" + base + "/forms/" + form.getKey() + "?embed=true&amp;lang=" + locale.getLanguage()
				+ "\" title=\"" + escape(form.title(locale)) + "\"\n"
				+ "        style=\"width: 100%; max-width: 40rem; height: 40rem; border: 0\" loading=\"lazy\"></iframe>";
	}

	static String html(String base, WebForm form, Locale locale, ModuleDefinition module) {
		String action = base + "/forms/" + form.getKey();
		String id = "potentia-form-" + form.getKey();
		StringBuilder html = new StringBuilder();
		html.append("<form id=\"")
			.append(id)
			.append("\" action=\"")
			.append(action)
			.append("?lang=")
			.append(locale.getLanguage())
			.append("\" method=\"post\" accept-charset=\"UTF-8\">\n");
		for (WebFormField field : form.getFields()) {
			FieldType type = module.field(field.getField()).map(Field::type).orElse(FieldType.TEXT);
			String name = field.getField();
			String label = escape(field.label(locale));
			String required = field.isRequired() ? " required" : "";
			html.append("  <p>");
			switch (type) {
				case BOOLEAN -> html.append("<label><input type=\"checkbox\" name=\"")
					.append(name)
					.append("\" value=\"true\"> ")
					.append(label)
					.append("</label>");
				case LONG_TEXT -> html.append("<label>")
					.append(label)
					.append("<br><textarea name=\"")
					.append(name)
					.append("\" rows=\"4\"")
					.append(required)
					.append("></textarea></label>");
				default -> html.append("<label>")
					.append(label)
					.append("<br><input type=\"")
					.append(inputType(type))
					.append("\" name=\"")
					.append(name)
					.append("\"")
					.append(required)
					.append("></label>");
			}
			html.append("</p>\n");
		}
		html.append("  <p style=\"position: absolute; left: -10000px\" aria-hidden=\"true\"><input name=\"")
			.append(WebFormIntake.HONEYPOT)
			.append("\" tabindex=\"-1\" autocomplete=\"off\"></p>\n");
		html.append("  <input type=\"hidden\" name=\"").append(WebFormIntake.TOKEN).append("\">\n");
		html.append("  <button type=\"submit\">")
			.append(locale.getLanguage().equals("de") ? "Senden" : "Send")
			.append("</button>\n");
		html.append("</form>\n");
		html.append("<script>\n");
		html.append("  fetch(\"").append(action).append("/token\").then((r) => r.json()).then((d) => {\n");
		html.append("    document.querySelector(\"#")
			.append(id)
			.append(" [name=")
			.append(WebFormIntake.TOKEN)
			.append("]\").value = d.token;\n");
		html.append("  });\n");
		html.append("</script>");
		return html.toString();
	}

	private static String inputType(FieldType type) {
		return switch (type) {
			case EMAIL -> "email";
			case URL -> "url";
			case PHONE -> "tel";
			case DATE -> "date";
			case INTEGER, DECIMAL, MONEY, PERCENT -> "number";
			default -> "text";
		};
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}
