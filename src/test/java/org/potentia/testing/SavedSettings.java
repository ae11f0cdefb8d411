package org.potentia.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.potentia.platform.settings.Settings;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Remembers some admin settings and puts them back, for tests that change settings the
 * whole application shares: a setting that was not there is removed again.
 */
public final class SavedSettings {

	private final Settings settings;

	private final JdbcClient jdbc;

	private final Map<String, Optional<String>> values = new LinkedHashMap<>();

	private SavedSettings(Settings settings, JdbcClient jdbc, String... keys) {
		this.settings = settings;
		this.jdbc = jdbc;
		for (String key : keys) {
			this.values.put(key, settings.get(key));
		}
	}

	public static SavedSettings of(Settings settings, JdbcClient jdbc, String... keys) {
		return new SavedSettings(settings, jdbc, keys);
	}

	public void restore() {
		this.values.forEach((key, value) -> value.ifPresentOrElse((text) -> this.settings.set(key, text, "tests"),
				() -> this.jdbc.sql("DELETE FROM settings WHERE setting_key = ?").param(key).update()));
	}

}
