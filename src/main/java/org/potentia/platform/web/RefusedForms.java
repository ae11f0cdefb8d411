package org.potentia.platform.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Refuses a form that goes back to its page by a redirect (the admin pages, where one
 * page holds many small forms) without losing what was typed: the message and the posted
 * values travel in the flash, the layout writes the values into the page, and
 * {@code potentia.js} puts them back into the form that was posted (the one with the same
 * action and the same hidden values), opening the section it sits in.
 *
 * <p>
 * Secrets (a parameter named like a password, secret or token) and the CSRF token are not
 * kept, nor values too large to carry in the session (one by one, and all together).
 * Hidden inputs are not filled back but must match, the version among them: a form whose
 * record was saved by someone else between the user's page and the refusal gets nothing
 * back, so that the next save from it cannot overwrite that change unseen.
 */
public final class RefusedForms {

	/** The flash attribute the layout reads. */
	public static final String ATTRIBUTE = "refusedForm";

	static final int MAX_VALUES = 200;

	static final int MAX_VALUE_LENGTH = 20_000;

	/** What all kept values may hold together, in characters. */
	static final int MAX_TOTAL_LENGTH = 100_000;

	private RefusedForms() {
	}

	/**
	 * Flashes {@code message} as the page's error and the current request's form values
	 * to be shown again.
	 */
	public static void refuse(RedirectAttributes redirect, String message) {
		redirect.addFlashAttribute("error", message);
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			redirect.addFlashAttribute(ATTRIBUTE, of(attributes.getRequest()));
		}
	}

	static RefusedForm of(HttpServletRequest request) {
		List<Value> values = new ArrayList<>();
		int total = 0;
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (secret(parameter.getKey())) {
				continue;
			}
			for (String value : parameter.getValue()) {
				if (value.length() <= MAX_VALUE_LENGTH && values.size() < MAX_VALUES
						&& total + value.length() <= MAX_TOTAL_LENGTH) {
					values.add(new Value(parameter.getKey(), value));
					total += value.length();
				}
			}
		}
		return new RefusedForm(request.getRequestURI(), values);
	}

	private static boolean secret(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.equals("_csrf") || lower.contains("password") || lower.contains("secret")
				|| lower.contains("token");
	}

	/**
	 * What a refused form posted: its address and its values in order.
	 */
	public record RefusedForm(String action, List<Value> values) implements Serializable {

		public RefusedForm {
			values = List.copyOf(values);
		}

	}

	/**
	 * One posted value.
	 */
	public record Value(String name, String value) implements Serializable {

	}

}
