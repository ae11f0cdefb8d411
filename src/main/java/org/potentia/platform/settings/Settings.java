package org.potentia.platform.settings;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.potentia.platform.ConflictException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admin settings, kept as key/value rows so that several instances share them. Read on
 * every use: a primary-key lookup is cheaper than keeping caches in step.
 */
@Component
public class Settings {

	/**
	 * The row every checked save holds first (made by migration V36), so that saves of
	 * settings that have no rows yet take turns too.
	 */
	static final String LOCK = "platform.settings.lock";

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

	/**
	 * The version of settings saved together by one page: it grows with every save of any
	 * of them, so the page carries it and a save from an older page is refused
	 * ({@link #checkVersion}).
	 */
	public long version(Collection<String> keys) {
		return version(keys, "");
	}

	/**
	 * Refuses a save of settings from a page older than their last save. Holds the lock
	 * row and their rows until the caller's transaction ends, so that of two saves from
	 * the same page only the first passes, even when neither setting was ever saved.
	 * @param seen the version the page showed, or null if it did not say
	 */
	@Transactional
	public void checkVersion(Collection<String> keys, Long seen) {
		if (lockRow().isEmpty()) {
			// Deleted by hand: made again, so that saves keep working.
			Timestamp now = Timestamp.from(Instant.now());
			this.jdbc
				.sql("INSERT INTO settings (setting_key, created_at, created_by, updated_at, updated_by)"
						+ " SELECT ?, ?, 'system', ?, 'system' WHERE NOT EXISTS"
						+ " (SELECT 1 FROM settings WHERE setting_key = ?)")
				.params(LOCK, now, now, LOCK)
				.update();
			lockRow().orElseThrow();
		}
		ConflictException.checkVersion(seen, version(keys, " FOR UPDATE"));
	}

	private Optional<String> lockRow() {
		return this.jdbc.sql("SELECT setting_key FROM settings WHERE setting_key = ? FOR UPDATE")
			.param(LOCK)
			.query(String.class)
			.optional();
	}

	/**
	 * Saves one setting shown by a page, unless it was saved since the page showed
	 * {@code seen}.
	 * @throws ConflictException if it was
	 */
	@Transactional
	public void set(String key, String value, Long seen, String who) {
		checkVersion(List.of(key), seen);
		set(key, value, who);
	}

	private long version(Collection<String> keys, String lock) {
		// Each row counts its version plus one, so that a key saved for the first time
		// counts too.
		return this.jdbc.sql("SELECT version FROM settings WHERE setting_key IN (:keys)" + lock)
			.param("keys", keys)
			.query(Long.class)
			.list()
			.stream()
			.mapToLong((version) -> version + 1)
			.sum();
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
