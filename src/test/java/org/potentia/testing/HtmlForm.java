package org.potentia.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A form in a page as a browser posts it: what each control would send, with the
 * browser's own rules for values it cannot take. A date input given anything but
 * {@code yyyy-MM-dd} shows empty and posts nothing, a number input given a localised
 * number likewise, a select with nothing selected posts its first option, an unchecked
 * box posts nothing, a disabled control nothing. A test that posts these values back
 * finds what a person would lose by saving a form unchanged.
 */
public final class HtmlForm {

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");

	private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");

	private static final Pattern NUMBER = Pattern.compile("-?(\\d+|\\d*\\.\\d+)([eE][-+]?\\d+)?");

	private final String action;

	private final List<Map.Entry<String, String>> values;

	private HtmlForm(String action, List<Map.Entry<String, String>> values) {
		this.action = action;
		this.values = values;
	}

	/**
	 * The first form in the page's main content whose action matches.
	 */
	public static HtmlForm in(String html, String actionPattern) {
		Document page = Jsoup.parse(html);
		Pattern action = Pattern.compile(actionPattern);
		for (Element form : page.select("main form, form")) {
			if (action.matcher(form.attr("action")).matches()) {
				return of(form);
			}
		}
		throw new AssertionError("no form with action " + actionPattern + " in the page:\n" + html);
	}

	/**
	 * The value of the page's input with this id, as the page gives it (null when it has
	 * none).
	 */
	public static String inputValue(String html, String id) {
		Element input = Jsoup.parse(html).getElementById(id);
		if (input == null || !input.tagName().equals("input")) {
			throw new AssertionError("no input with id " + id + " in the page");
		}
		return input.hasAttr("value") ? input.attr("value") : null;
	}

	static HtmlForm of(Element form) {
		List<Map.Entry<String, String>> values = new ArrayList<>();
		for (Element control : form.select("input[name], select[name], textarea[name]")) {
			if (control.hasAttr("disabled")) {
				continue;
			}
			String name = control.attr("name");
			switch (control.tagName()) {
				case "select" -> {
					List<Element> selected = control.select("option[selected]");
					if (selected.isEmpty() && !control.hasAttr("multiple") && !control.select("option").isEmpty()) {
						selected = List.of(control.selectFirst("option"));
					}
					selected.forEach((option) -> values.add(Map.entry(name, optionValue(option))));
				}
				// A browser posts a text area's line breaks as CR LF.
				case "textarea" ->
					values.add(Map.entry(name, control.val().replace("\r\n", "\n").replace("\n", "\r\n")));
				default -> {
					String type = control.attr("type").toLowerCase();
					switch (type) {
						case "submit", "button", "reset", "image", "file" -> {
						}
						case "checkbox", "radio" -> {
							if (control.hasAttr("checked")) {
								values.add(Map.entry(name, control.hasAttr("value") ? control.val() : "on"));
							}
						}
						default -> values.add(Map.entry(name, sanitised(type, control.val())));
					}
				}
			}
		}
		return new HtmlForm(form.attr("action"), values);
	}

	private static String optionValue(Element option) {
		return option.hasAttr("value") ? option.attr("value") : option.text();
	}

	/**
	 * The HTML value sanitisation algorithm of the input types that have one.
	 */
	private static String sanitised(String type, String value) {
		return switch (type) {
			case "date" -> DATE.matcher(value).matches() ? value : "";
			case "datetime-local" -> DATE_TIME.matcher(value).matches() ? value : "";
			case "time" -> TIME.matcher(value).matches() ? value : "";
			case "number", "range" -> NUMBER.matcher(value.trim()).matches() ? value.trim() : "";
			case "email", "url", "tel", "text", "search", "password" -> value.replace("\r", "").replace("\n", "");
			default -> value;
		};
	}

	public String action() {
		return this.action;
	}

	public List<Map.Entry<String, String>> values() {
		return this.values;
	}

	/**
	 * The value a control would send, or null if it sends none.
	 */
	public String value(String name) {
		return this.values.stream()
			.filter((entry) -> entry.getKey().equals(name))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	public boolean has(String name) {
		return this.values.stream().anyMatch((entry) -> entry.getKey().equals(name));
	}

	/**
	 * The request the browser would send for this form, with a CSRF token, as
	 * {@code user}.
	 */
	public MockHttpServletRequestBuilder post(RequestPostProcessor user) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(this.action)
			.with(user)
			.with(SecurityMockMvcRequestPostProcessors.csrf());
		this.values.forEach((entry) -> request.param(entry.getKey(), entry.getValue()));
		return request;
	}

	/**
	 * Types into a control: replaces the value of every control of that name.
	 */
	public HtmlForm set(String name, String value) {
		this.values.replaceAll((entry) -> entry.getKey().equals(name) ? Map.entry(name, value) : entry);
		return this;
	}

	/**
	 * Ticks a check box: adds the value it sends.
	 */
	public HtmlForm check(String name, String value) {
		this.values.add(Map.entry(name, value));
		return this;
	}

	/**
	 * Unticks every check box of that name: none sends a value.
	 */
	public HtmlForm uncheck(String name) {
		this.values.removeIf((entry) -> entry.getKey().equals(name));
		return this;
	}

}
