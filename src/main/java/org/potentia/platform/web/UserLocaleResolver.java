package org.potentia.platform.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.potentia.platform.security.PotentiaPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The user's language: the choice made in this session, else the one stored on the
 * profile, else the browser's. Potentia speaks English and German.
 */
public class UserLocaleResolver implements LocaleResolver {

	public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

	static final String SESSION_ATTRIBUTE = UserLocaleResolver.class.getName() + ".locale";

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Locale locale) {
			return locale;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof PotentiaPrincipal principal
				&& principal.currentUser().locale() != null) {
			return supported(Locale.forLanguageTag(principal.currentUser().locale()));
		}
		return browser(request);
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		if (locale == null) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.removeAttribute(SESSION_ATTRIBUTE);
			}
			return;
		}
		request.getSession().setAttribute(SESSION_ATTRIBUTE, supported(locale));
	}

	static Locale browser(HttpServletRequest request) {
		if (request.getHeader("Accept-Language") == null) {
			return Locale.ENGLISH;
		}
		for (Locale candidate : java.util.Collections.list(request.getLocales())) {
			for (Locale supported : SUPPORTED) {
				if (supported.getLanguage().equals(candidate.getLanguage())) {
					return supported;
				}
			}
		}
		return Locale.ENGLISH;
	}

	static Locale supported(Locale locale) {
		return SUPPORTED.stream()
			.filter((supported) -> supported.getLanguage().equals(locale.getLanguage()))
			.findFirst()
			.orElse(Locale.ENGLISH);
	}

}
