package org.potentia.platform;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Texts in the current user's language.
 */
@Component
public class Messages {

	/**
	 * The key of a {@link FieldError} whose only argument is an already resolved message.
	 */
	public static final String LITERAL = "{literal}";

	private final MessageSource source;

	public Messages(MessageSource source) {
		this.source = source;
	}

	public String get(String key, Object... arguments) {
		return this.source.getMessage(key, arguments, key, locale());
	}

	public String get(FieldError error) {
		if (LITERAL.equals(error.messageKey())) {
			return String.valueOf(error.arguments()[0]);
		}
		return get(error.messageKey(), error.arguments());
	}

	/**
	 * A message of Spring's, such as a form value that could not be bound, in the user's
	 * language.
	 */
	public String get(MessageSourceResolvable resolvable) {
		return this.source.getMessage(resolvable, locale());
	}

	public Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
