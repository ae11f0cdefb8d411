package org.potentia.workflow;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Messages for a user in the app, listed in the page header with the number unread.
 */
@Component
public class Notifications {

	private final JdbcClient jdbc;

	Notifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(long userId, String title, String message, String link, Instant now) {
		this.jdbc.sql("INSERT INTO notifications (user_id, title, message, link, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(userId, cut(title, 200), cut(message, 2000), link, now.atOffset(ZoneOffset.UTC))
			.update();
	}

	public long unread(long userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL")
			.param(userId)
			.query(Long.class)
			.single();
	}

	/**
	 * The user's latest notifications, newest first.
	 */
	public List<Notification> latest(long userId, int limit) {
		return this.jdbc
			.sql("SELECT id, title, message, link, created_at, read_at FROM notifications WHERE user_id = ?"
					+ " ORDER BY created_at DESC, id DESC LIMIT ?")
			.params(userId, limit)
			.query((rs, row) -> new Notification(rs.getLong("id"), rs.getString("title"), rs.getString("message"),
					rs.getString("link"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
					rs.getObject("read_at", OffsetDateTime.class) != null))
			.list();
	}

	/**
	 * Marks one of the user's notifications read; another user's stays as it is.
	 */
	public void markRead(long id, long userId) {
		this.jdbc.sql("UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL")
			.params(OffsetDateTime.now(ZoneOffset.UTC), id, userId)
			.update();
	}

	public void markAllRead(long userId) {
		this.jdbc.sql("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL")
			.params(OffsetDateTime.now(ZoneOffset.UTC), userId)
			.update();
	}

	private static String cut(String text, int length) {
		return (text.length() > length) ? text.substring(0, length) : text;
	}

	/**
	 * One notification.
	 *
	 * @param id its id
	 * @param title the workflow that left it
	 * @param message the text
	 * @param link the record it is about, or null
	 * @param createdAt when it was left
	 * @param read whether the user has marked it read
	 */
	public record Notification(long id, String title, String message, String link, Instant createdAt, boolean read) {
	}

}
