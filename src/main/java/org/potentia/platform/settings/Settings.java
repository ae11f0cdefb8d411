package org.potentia.platform.settings;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admin settings, kept as key/value rows so that several instances share them. Read on
 * every use: a primary-key lookup is cheaper than keeping caches in step.
 */
@Component
public class Settings {

	private final JdbcClient jdbc;

	public Settings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<String> get(String key) {
		return this.jdbc.sql("SELECT setting_value FROM settings WHERE setting_key = ?")
			.param(key)
			.query(String.class)
			.optional();
	}

	public boolean getBoolean(String key, boolean fallback) {
		return get(key).map(Boolean::parseBoolean).orElse(fallback);
	}

	@Transactional
	public void set(String key, String value, String who) {
		Instant now = Instant.now();
		int updated = this.jdbc
			.sql("UPDATE settings SET setting_value = ?, updated_at = ?, updated_by = ?, version = version + 1"
					+ " WHERE setting_key = ?")
			.params(value, java.sql.Timestamp.from(now), who, key)
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("INSERT INTO settings (setting_key, setting_value, created_at, created_by, updated_at, updated_by)"
						+ " VALUES (?, ?, ?, ?, ?, ?)")
				.params(key, value, java.sql.Timestamp.from(now), who, java.sql.Timestamp.from(now), who)
				.update();
		}
	}

}
