package org.potentia.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.nodes.Element;

/**
 * A form found in a page: where it posts, how, and its controls with the values a browser
 * would send unchanged.
 *
 * @param page the page it was found on
 * @param action the path it is sent to
 * @param get whether it is sent with GET (a search or filter form)
 * @param multipart whether it is sent as multipart/form-data
 * @param inputs its named controls
 */
record FormShape(String page, String action, boolean get, boolean multipart, List<Input> inputs) {

	static FormShape of(String page, Element form) {
		String action = form.hasAttr("action") ? form.attr("action") : "";
		if (action.isBlank() || action.startsWith("#")) {
			action = page;
		}
		if (action.startsWith("http")) {
			action = action.replaceFirst("^https?://[^/]+", "");
		}
		boolean get = !"post".equalsIgnoreCase(form.attr("method")) && !form.hasAttr("hx-post");
		if (form.hasAttr("hx-post") && !form.attr("hx-post").isBlank()) {
			action = form.attr("hx-post");
		}
		boolean multipart = "multipart/form-data".equalsIgnoreCase(form.attr("enctype"));
		List<Input> inputs = new ArrayList<>();
		for (Element control : form.select("input[name], select[name], textarea[name], button[name][value]")) {
			String name = control.attr("name");
			String type = control.tagName().equals("input") ? control.attr("type").toLowerCase() : control.tagName();
			if (type.isEmpty()) {
				type = "text";
			}
			String value = switch (type) {
				case "select" -> {
					Element selected = control.selectFirst("option[selected]");
					if (selected == null) {
						selected = control.selectFirst("option");
					}
					yield (selected != null) ? selected.attr("value") : "";
				}
				case "textarea" -> control.text();
				case "checkbox", "radio" -> control.hasAttr("checked") ? control.attr("value") : null;
				default -> control.attr("value");
			};
			if (value != null || type.equals("checkbox") || type.equals("radio")) {
				inputs.add(new Input(name, type, (value != null) ? value : "on"));
			}
		}
		return new FormShape(page, action, get, multipart, List.copyOf(inputs));
	}

	/**
	 * Forms of one kind are fuzzed once: the same action (ids aside) and controls.
	 */
	String key() {
		return (this.get ? "GET " : "POST ") + this.action.replaceAll("\\d+", "#") + " "
				+ this.inputs.stream().map(Input::name).distinct().sorted().collect(Collectors.joining(","));
	}

	/**
	 * What the form sends unchanged, with the given CSRF token.
	 */
	List<Map.Entry<String, String>> values(String csrf) {
		List<Map.Entry<String, String>> values = new ArrayList<>();
		for (Input input : this.inputs) {
			if (input.type().equals("file") || input.type().equals("submit") || input.type().equals("button")) {
				continue;
			}
			values.add(Map.entry(input.name(), input.name().equals("_csrf") ? csrf : input.value()));
		}
		if (!this.get && values.stream().noneMatch((entry) -> entry.getKey().equals("_csrf"))) {
			values.add(Map.entry("_csrf", csrf));
		}
		return values;
	}

	/**
	 * A named control.
	 *
	 * @param name its name
	 * @param type the input type, or select or textarea
	 * @param value what it sends unchanged
	 */
	record Input(String name, String type, String value) {
	}

}
