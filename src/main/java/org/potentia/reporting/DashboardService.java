package org.potentia.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.potentia.platform.NotFoundException;
import org.potentia.platform.ValidationException;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each user's home page: the widgets the user made and the ones shared with the user
 * (with the team or with everyone), in the user's order and widths. A user who never
 * arranged a home page gets the default sales widgets as their own on first view. A user
 * may take a shared widget off the page (it is hidden for that user) unless it was shared
 * as permanent; only its owner deletes or shares it, and only a manager or an admin
 * shares at all. Each widget's figures are computed for the viewing user, so a shared
 * widget shows every user only what that user may see.
 */
@Service
@Transactional
public class DashboardService {

	/**
	 * Widgets a user may have on the home page, own and shared; enough for any sensible
	 * page and a bound on what one page load asks for.
	 */
	static final int MAX_WIDGETS = 30;

	private static final String SELECT = "SELECT w.id, w.kind, w.report_id, w.title, w.owner_id, w.shared_with,"
			+ " w.team_id, w.permanent, l.position, l.width, l.hidden FROM dashboard_widgets w"
			+ " LEFT JOIN user_dashboard_widgets l ON l.widget_id = w.id AND l.user_id = ?";

	private static final String MINE = "(w.owner_id = ? OR w.shared_with = 'everyone'"
			+ " OR (w.shared_with = 'team' AND w.team_id = ?))";

	private final JdbcClient jdbc;

	private final TransactionTemplate separate;

	private final SavedReports reports;

	DashboardService(JdbcClient jdbc, PlatformTransactionManager transactions, SavedReports reports) {
		this.jdbc = jdbc;
		this.reports = reports;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The widgets on the user's home page, in order; on the first view the default
	 * widgets are made for the user.
	 */
	public List<DashboardWidget> layout(CurrentUser user) {
		ensureLayout(user);
		return this.jdbc
			.sql(SELECT + " WHERE " + MINE
					+ " ORDER BY CASE WHEN l.position IS NULL THEN 1 ELSE 0 END, l.position, w.id")
			.params(user.id(), user.id(), teamOf(user))
			.query((rs, row) -> new Placed(widget(rs, user), rs.getBoolean("hidden")))
			.list()
			.stream()
			.filter((placed) -> !placed.hidden() || placed.widget().permanent())
			.map(Placed::widget)
			.limit(MAX_WIDGETS)
			.toList();
	}

	/**
	 * One widget of the user's home page.
	 * @throws NotFoundException if the user neither owns it nor has it shared with them
	 */
	@Transactional(readOnly = true)
	public DashboardWidget widget(long id, CurrentUser user) {
		return find(id, user).orElseThrow(() -> new NotFoundException("widgets", id));
	}

	private Optional<DashboardWidget> find(long id, CurrentUser user) {
		return this.jdbc.sql(SELECT + " WHERE w.id = ? AND " + MINE)
			.params(user.id(), id, user.id(), teamOf(user))
			.query((rs, row) -> widget(rs, user))
			.optional();
	}

	/**
	 * Adds a widget of the user's own at the end of the home page.
	 * @param kindCode the kind's code
	 * @param reportId the saved report, for a report widget
	 * @param width 1 to 3, or null for the kind's width
	 * @return the new widget's id
	 */
	public long add(String kindCode, Long reportId, Integer width, CurrentUser user) {
		WidgetKind kind = WidgetKind.of(kindCode)
			.orElseThrow(() -> ValidationException.of("kind", "widget.error.kind", String.valueOf(kindCode)));
		if (kind == WidgetKind.REPORT && (reportId == null || this.reports.find(reportId, user).isEmpty())) {
			throw ValidationException.of("report", "widget.error.report");
		}
		if (kind != WidgetKind.REPORT) {
			reportId = null;
		}
		int chosen = (width != null) ? checkWidth(width) : kind.defaultWidth();
		ensureLayout(user);
		long count = this.jdbc.sql("SELECT COUNT(*) FROM dashboard_widgets w WHERE " + MINE)
			.params(user.id(), teamOf(user))
			.query(Long.class)
			.single();
		if (count >= MAX_WIDGETS) {
			throw ValidationException.of("kind", "widget.error.too_many", MAX_WIDGETS);
		}
		return create(kind, reportId, chosen, user);
	}

	private long create(WidgetKind kind, Long reportId, int width, CurrentUser user) {
		OffsetDateTime now = OffsetDateTime.now();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO dashboard_widgets (kind, report_id, owner_id, shared_with, permanent, created_at,"
					+ " created_by, updated_at, updated_by) VALUES (?, ?, ?, 'nobody', false, ?, ?, ?, ?)")
			.params(kind.code(), reportId, user.id(), now, user.username(), now, user.username())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		int position = this.jdbc
			.sql("SELECT COALESCE(MAX(position), -1) + 1 FROM user_dashboard_widgets WHERE user_id = ?")
			.param(user.id())
			.query(Integer.class)
			.single();
		this.jdbc
			.sql("INSERT INTO user_dashboard_widgets (user_id, widget_id, position, width, hidden)"
					+ " VALUES (?, ?, ?, ?, false)")
			.params(user.id(), id, position, width)
			.update();
		return id;
	}

	/**
	 * Makes a report widget shared from the start, for the demo data: no layout is made
	 * for its owner, who sees it at the end of the home page like any widget without a
	 * place.
	 */
	long createShared(long reportId, CurrentUser owner, WidgetSharing sharing, Long teamId, boolean permanent) {
		OffsetDateTime now = OffsetDateTime.now();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO dashboard_widgets (kind, report_id, owner_id, shared_with, team_id, permanent,"
					+ " created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(WidgetKind.REPORT.code(), reportId, owner.id(), sharing.code(),
					(sharing == WidgetSharing.TEAM) ? teamId : null, permanent, now, owner.username(), now,
					owner.username())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/**
	 * Takes a widget off the user's home page: the user's own is deleted (and so leaves
	 * the pages it was shared with); a shared one is hidden for this user.
	 * @throws ValidationException for a widget shared as permanent
	 */
	public void remove(long id, CurrentUser user) {
		DashboardWidget widget = widget(id, user);
		if (widget.own()) {
			this.jdbc.sql("DELETE FROM user_dashboard_widgets WHERE widget_id = ?").param(id).update();
			this.jdbc.sql("DELETE FROM dashboard_widgets WHERE id = ?").param(id).update();
			return;
		}
		if (widget.permanent()) {
			throw ValidationException.of("widget", "widget.error.permanent");
		}
		place(user, id, null, null, true);
	}

	/**
	 * Sets a widget's width on the user's home page.
	 */
	public void resize(long id, int width, CurrentUser user) {
		widget(id, user);
		place(user, id, null, checkWidth(width), null);
	}

	/**
	 * Puts the user's widgets in the given order; widgets not named keep their places
	 * after the named ones.
	 * @throws NotFoundException if a widget named is not on the user's page
	 */
	public void reorder(List<Long> ids, CurrentUser user) {
		Set<Long> named = new LinkedHashSet<>(ids);
		if (named.size() > MAX_WIDGETS * 2) {
			throw ValidationException.of("order", "widget.error.order");
		}
		List<DashboardWidget> current = layout(user);
		Map<Long, DashboardWidget> byId = current.stream()
			.collect(Collectors.toMap(DashboardWidget::id, Function.identity()));
		for (Long id : named) {
			if (!byId.containsKey(id)) {
				throw new NotFoundException("widgets", id);
			}
		}
		List<Long> order = new ArrayList<>(named);
		current.stream().map(DashboardWidget::id).filter((id) -> !named.contains(id)).forEach(order::add);
		for (int i = 0; i < order.size(); i++) {
			place(user, order.get(i), i, null, null);
		}
	}

	/**
	 * Shares one of the user's widgets: a manager with the own team or everyone, an admin
	 * with any team or everyone; or makes it private again.
	 * @param teamId the team, when shared with a team
	 * @param permanent whether the users may not hide it
	 */
	public void share(long id, String sharingCode, Long teamId, boolean permanent, CurrentUser user) {
		DashboardWidget widget = widget(id, user);
		WidgetSharing sharing = WidgetSharing.of(sharingCode)
			.orElseThrow(() -> ValidationException.of("sharing", "widget.error.sharing"));
		if (!widget.own() || (user.role() == Role.REP && sharing != WidgetSharing.NOBODY)) {
			throw new AccessDeniedException("Only a widget's owner, a manager or an admin, shares it");
		}
		Long team = null;
		if (sharing == WidgetSharing.TEAM) {
			team = (teamId != null) ? teamId : user.teamId();
			if (team == null) {
				throw ValidationException.of("team", "widget.error.team");
			}
			if (!user.isAdmin() && !team.equals(user.teamId())) {
				throw new AccessDeniedException("A manager shares with the own team only");
			}
			boolean exists = this.jdbc.sql("SELECT COUNT(*) FROM teams WHERE id = ?")
				.param(team)
				.query(Long.class)
				.single() > 0;
			if (!exists) {
				throw ValidationException.of("team", "widget.error.team");
			}
		}
		this.jdbc
			.sql("UPDATE dashboard_widgets SET shared_with = ?, team_id = ?, permanent = ?, updated_at = ?,"
					+ " updated_by = ?, version = version + 1 WHERE id = ?")
			.params(sharing.code(), team, sharing != WidgetSharing.NOBODY && permanent, OffsetDateTime.now(),
					user.username(), id)
			.update();
	}

	/**
	 * Makes the default widgets for a user who has no home page yet, once: in its own
	 * transaction, so that two first requests at once make them only once.
	 */
	private void ensureLayout(CurrentUser user) {
		if (hasLayout(user)) {
			return;
		}
		try {
			this.separate.executeWithoutResult((status) -> {
				this.jdbc.sql("INSERT INTO user_dashboards (user_id, created_at) VALUES (?, ?)")
					.params(user.id(), OffsetDateTime.now())
					.update();
				for (WidgetKind kind : WidgetKind.defaults()) {
					create(kind, null, kind.defaultWidth(), user);
				}
			});
		}
		catch (DuplicateKeyException ex) {
			// Another request made them first.
		}
	}

	private boolean hasLayout(CurrentUser user) {
		return this.jdbc.sql("SELECT COUNT(*) FROM user_dashboards WHERE user_id = ?")
			.param(user.id())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Writes the user's place for a widget, keeping what is not given.
	 */
	private void place(CurrentUser user, long widgetId, Integer position, Integer width, Boolean hidden) {
		int updated = this.jdbc
			.sql("UPDATE user_dashboard_widgets SET position = COALESCE(?, position), width = COALESCE(?, width),"
					+ " hidden = COALESCE(?, hidden) WHERE user_id = ? AND widget_id = ?")
			.params(position, width, hidden, user.id(), widgetId)
			.update();
		if (updated == 0) {
			int next = (position != null) ? position
					: this.jdbc
						.sql("SELECT COALESCE(MAX(position), -1) + 1 FROM user_dashboard_widgets WHERE user_id = ?")
						.param(user.id())
						.query(Integer.class)
						.single();
			int chosen = (width != null) ? width : kindOf(widgetId).defaultWidth();
			this.jdbc
				.sql("INSERT INTO user_dashboard_widgets (user_id, widget_id, position, width, hidden)"
						+ " VALUES (?, ?, ?, ?, ?)")
				.params(user.id(), widgetId, next, chosen, Boolean.TRUE.equals(hidden))
				.update();
		}
	}

	private WidgetKind kindOf(long widgetId) {
		String code = this.jdbc.sql("SELECT kind FROM dashboard_widgets WHERE id = ?")
			.param(widgetId)
			.query(String.class)
			.single();
		return WidgetKind.of(code).orElse(WidgetKind.RECORDS);
	}

	private static int checkWidth(int width) {
		if (width < 1 || width > 3) {
			throw ValidationException.of("width", "widget.error.width");
		}
		return width;
	}

	private static Long teamOf(CurrentUser user) {
		// A user without a team matches no team-shared widget (team_id = NULL is never
		// true).
		return user.teamId();
	}

	private static DashboardWidget widget(ResultSet rs, CurrentUser user) throws SQLException {
		WidgetKind kind = WidgetKind.of(rs.getString("kind")).orElse(WidgetKind.RECORDS);
		Integer width = rs.getObject("width", Integer.class);
		return new DashboardWidget(rs.getLong("id"), kind, rs.getObject("report_id", Long.class), rs.getString("title"),
				rs.getLong("owner_id"), WidgetSharing.of(rs.getString("shared_with")).orElse(WidgetSharing.NOBODY),
				rs.getObject("team_id", Long.class), rs.getBoolean("permanent"),
				(width != null) ? width : kind.defaultWidth(), rs.getLong("owner_id") == user.id());
	}

	private record Placed(DashboardWidget widget, boolean hidden) {
	}

}
