package org.potentia.platform.web;

import java.beans.PropertyEditorSupport;
import java.util.regex.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Removes control characters (other than tab and line breaks) from every text a page
 * binds. No field holds them, PostgreSQL refuses the NUL character outright, and pasted
 * text carries them more often than one would think; dropping them keeps the user's entry
 * instead of failing the save. Line breaks are kept as the API and imports store them,
 * {@code \n}: a browser posts a text area's breaks as {@code \r\n}, so without this an
 * unchanged description would change with every save.
 */
@ControllerAdvice(annotations = Controller.class)
class TextInputAdvice {

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n\\r]]");

	@InitBinder
	void removeControlCharacters(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new PropertyEditorSupport() {

			@Override
			public void setAsText(String text) {
				setValue((text != null) ? CONTROL.matcher(text.replace("\r\n", "\n")).replaceAll("") : null);
			}

		});
	}

}
