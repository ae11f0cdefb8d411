package org.potentia.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.potentia.identity.IdentityService;
import org.potentia.identity.Team;
import org.potentia.identity.UserOption;
import org.potentia.platform.NotFoundException;
import org.potentia.platform.ValidationException;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Role;
import org.potentia.platform.security.Visibility;
import org.potentia.platform.settings.Settings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Targets per user or team and period on a measure, and what was realised against them.
 * Who sees a target follows the visibility rule of records: an admin all, a manager the
 * team's and its members', a rep their own (and the team's where reps see their team). An
 * admin sets targets for anyone, a manager for the own team and its members; a rep sets
 * none. The realised figures are one grouped SQL statement per measure over the targets
 * asked for, with the viewer's visibility rule inside it.
 */
@Service
@Transactional(readOnly = true)
public class TargetService {

	/**
	 * The largest target accepted: far above any real one, and within the column.
	 */
	static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000");

	private static final String OWNER_NAME = "CASE WHEN tg.owner_kind = 'user' THEN"
			+ " (SELECT concat_ws(' ', ou.first_name, ou.last_name) FROM users ou WHERE ou.id = tg.owner_id)"
			+ " ELSE (SELECT ot.name FROM teams ot WHERE ot.id = tg.owner_id) END";

	private final JdbcClient jdbc;

	private final Visibility visibility;

	private final Catalogue catalogue;

	private final Settings settings;

	private final IdentityService identity;

	TargetService(JdbcClient jdbc, Visibility visibility, Catalogue catalogue, Settings settings,
			IdentityService identity) {
		this.jdbc = jdbc;
		this.visibility = visibility;
		this.catalogue = catalogue;
		this.settings = settings;
		this.identity = identity;
	}

	/**
	 * The day the figures are for, in the server's time zone.
	 */
	public LocalDate today() {
		return LocalDate.now(ZoneId.systemDefault());
	}

	/**
	 * The targets the user may see whose period overlaps the given days, with what was
	 * realised, ordered by period, owner and measure.
	 * @param from the first day
	 * @param to the day after the last
	 */
	public List<TargetProgress> progress(LocalDate from, LocalDate to, CurrentUser user) {
		SqlCondition where = SqlCondition.of("tg.period_start < ? AND tg.period_end > ?", to, from)
			.and(visibleTargets(user));
		return withRealised(targets(where), user);
	}

	/**
	 * The targets the user may see whose period contains today.
	 */
	public List<TargetProgress> current(CurrentUser user) {
		LocalDate today = today();
		return progress(today, today.plusDays(1), user);
	}

	/**
	 * The target that matches what the user sees, for the won figures of the home page:
	 * an admin's is the sum of the teams' targets, a manager's (or a rep's who sees the
	 * team) the team's, a rep's their own.
	 * @return the target, or empty if none is set
	 */
	public Optional<BigDecimal> targetFor(TargetMeasure measure, TargetPeriod period, CurrentUser user) {
		String owner;
		List<Object> parameters = new ArrayList<>(List.of(measure.code(), period.type().code(), period.start()));
		if (user.isAdmin()) {
			owner = "owner_kind = 'team'";
		}
		else if (seesTeam(user)) {
			owner = "owner_kind = 'team' AND owner_id = ?";
			parameters.add(user.teamId());
		}
		else {
			owner = "owner_kind = 'user' AND owner_id = ?";
			parameters.add(user.id());
		}
		List<BigDecimal> sum = this.jdbc
			.sql("SELECT SUM(amount) AS total FROM targets WHERE measure = ? AND period_type = ? AND period_start = ?"
					+ " AND " + owner)
			.params(parameters)
			.query((rs, row) -> rs.getBigDecimal("total"))
			.list();
		return sum.isEmpty() ? Optional.empty() : Optional.ofNullable(sum.get(0));
	}

	/**
	 * One target the user may see.
	 */
	public Target get(long id, CurrentUser user) {
		return targets(SqlCondition.of("tg.id = ?", id).and(visibleTargets(user))).stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("targets", id));
	}

	/**
	 * Sets a target, or changes the figure of the one already set for the same owner,
	 * measure and period.
	 * @param owner {@code user:<id>} or {@code team:<id>}
	 * @return the target's id
	 * @throws ValidationException for a missing or unusable value
	 * @throws AccessDeniedException if the user may not set targets for the owner
	 */
	@Transactional
	public long save(String owner, String measureCode, String periodType, String periodText, String amountText,
			CurrentUser user) {
		Owner chosen = Owner.parse(owner);
		TargetMeasure measure = TargetMeasure.of(measureCode)
			.orElseThrow(() -> ValidationException.of("measure", "target.error.measure"));
		TargetPeriod period = TargetPeriod.parse(periodType, periodText);
		BigDecimal amount = amount(amountText, measure);
		if (!exists(chosen)) {
			throw ValidationException.of("owner", "target.error.owner");
		}
		if (!mayEdit(chosen, user)) {
			throw new AccessDeniedException("May not set targets for " + owner);
		}
		OffsetDateTime now = OffsetDateTime.now();
		int updated = this.jdbc
			.sql("UPDATE targets SET amount = ?, updated_at = ?, updated_by = ?, version = version + 1"
					+ " WHERE measure = ? AND owner_kind = ? AND owner_id = ? AND period_type = ? AND period_start = ?")
			.params(amount, now, user.username(), measure.code(), chosen.kind(), chosen.id(), period.type().code(),
					period.start())
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("INSERT INTO targets (measure, owner_kind, owner_id, period_type, period_start, period_end, amount,"
						+ " created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(measure.code(), chosen.kind(), chosen.id(), period.type().code(), period.start(), period.end(),
						amount, now, user.username(), now, user.username())
				.update();
		}
		return this.jdbc
			.sql("SELECT id FROM targets WHERE measure = ? AND owner_kind = ? AND owner_id = ? AND period_type = ?"
					+ " AND period_start = ?")
			.params(measure.code(), chosen.kind(), chosen.id(), period.type().code(), period.start())
			.query(Long.class)
			.single();
	}

	/**
	 * Deletes a target the user may set.
	 */
	@Transactional
	public void delete(long id, CurrentUser user) {
		Target target = get(id, user);
		if (!mayEdit(new Owner(target.ownerKind(), target.ownerId()), user)) {
			throw new AccessDeniedException("May not delete target " + id);
		}
		this.jdbc.sql("DELETE FROM targets WHERE id = ?").param(id).update();
	}

	/**
	 * Whether the user may set and delete a target.
	 */
	public boolean mayEdit(Target target, CurrentUser user) {
		return mayEdit(new Owner(target.ownerKind(), target.ownerId()), user);
	}

	/**
	 * Whom the user may set targets for: an admin every team and active user, a manager
	 * the own team and its members, a rep nobody.
	 */
	public List<OwnerChoice> ownerChoices(CurrentUser user) {
		List<OwnerChoice> choices = new ArrayList<>();
		if (user.isAdmin()) {
			for (Team team : this.identity.allTeams()) {
				choices.add(new OwnerChoice("team:" + team.getId(), team.getName(), true));
			}
		}
		else if (user.role() == Role.MANAGER && user.teamId() != null) {
			Map<Long, String> teams = this.identity.teamNames();
			choices.add(new OwnerChoice("team:" + user.teamId(), teams.get(user.teamId()), true));
		}
		else {
			return choices;
		}
		for (UserOption option : this.identity.userOptions()) {
			if (user.isAdmin() || user.teamId().equals(option.teamId())) {
				choices.add(new OwnerChoice("user:" + option.id(), option.name(), false));
			}
		}
		return choices;
	}

	/**
	 * Someone a target can be set for, as offered in the form.
	 *
	 * @param value {@code user:<id>} or {@code team:<id>}
	 * @param name the name shown
	 * @param team whether it is a team
	 */
	public record OwnerChoice(String value, String name, boolean team) {
	}

	private boolean mayEdit(Owner owner, CurrentUser user) {
		if (user.isAdmin()) {
			return true;
		}
		if (user.role() != Role.MANAGER || user.teamId() == null) {
			return false;
		}
		if (owner.team()) {
			return owner.id() == user.teamId();
		}
		return this.jdbc.sql("SELECT COUNT(*) FROM users WHERE id = ? AND team_id = ?")
			.params(owner.id(), user.teamId())
			.query(Long.class)
			.single() > 0;
	}

	private boolean exists(Owner owner) {
		String table = owner.team() ? "teams" : "users";
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE id = ?")
			.param(owner.id())
			.query(Long.class)
			.single() > 0;
	}

	private boolean seesTeam(CurrentUser user) {
		return user.teamId() != null
				&& (user.role() == Role.MANAGER || this.settings.getBoolean(Visibility.REPS_SEE_TEAM, false));
	}

	/**
	 * The targets the user may see, for the alias {@code tg}: the visibility rule of
	 * records, applied to the target's user or team.
	 */
	SqlCondition visibleTargets(CurrentUser user) {
		if (user.isAdmin()) {
			return SqlCondition.TRUE;
		}
		if (seesTeam(user)) {
			return SqlCondition.of(
					"(tg.owner_kind = 'team' AND tg.owner_id = ?) OR (tg.owner_kind = 'user'"
							+ " AND tg.owner_id IN (SELECT vu.id FROM users vu WHERE vu.team_id = ?))",
					user.teamId(), user.teamId());
		}
		return SqlCondition.of("tg.owner_kind = 'user' AND tg.owner_id = ?", user.id());
	}

	private List<Target> targets(SqlCondition where) {
		return this.jdbc
			.sql("SELECT tg.id, tg.measure, tg.owner_kind, tg.owner_id, " + OWNER_NAME + " AS owner_name,"
					+ " tg.period_type, tg.period_start, tg.amount FROM targets tg WHERE " + where.sql()
					+ " ORDER BY tg.period_start, tg.period_type, tg.owner_kind DESC, owner_name, tg.measure")
			.params(where.parameters())
			.query((rs, row) -> new Target(rs.getLong("id"), TargetMeasure.of(rs.getString("measure")).orElseThrow(),
					rs.getString("owner_kind"), rs.getLong("owner_id"), rs.getString("owner_name"),
					TargetPeriod.of(TargetPeriod.Type.of(rs.getString("period_type")),
							rs.getObject("period_start", LocalDate.class)),
					rs.getBigDecimal("amount")))
			.list();
	}

	/**
	 * The realised figures of the targets: one grouped statement per measure among them.
	 * A user target counts the user's records, a team target its members'; the viewer's
	 * visibility rule applies to the records too.
	 */
	private List<TargetProgress> withRealised(List<Target> targets, CurrentUser user) {
		Map<TargetMeasure, List<Target>> byMeasure = targets.stream().collect(Collectors.groupingBy(Target::measure));
		Map<Long, BigDecimal> realised = new HashMap<>();
		byMeasure.forEach((measure, list) -> realised.putAll(realised(measure, list, user)));
		LocalDate today = today();
		return targets.stream()
			.map((target) -> new TargetProgress(target, realised.getOrDefault(target.id(), BigDecimal.ZERO), today))
			.toList();
	}

	private Map<Long, BigDecimal> realised(TargetMeasure measure, List<Target> targets, CurrentUser user) {
		SqlCondition visible = this.visibility.predicate(this.catalogue.get(measure.module()), "p", user);
		String ids = targets.stream().map((target) -> "?").collect(Collectors.joining(", "));
		List<Object> parameters = new ArrayList<>(visible.parameters());
		targets.forEach((target) -> parameters.add(target.id()));
		String table = this.catalogue.get(measure.module()).table();
		Map<Long, BigDecimal> result = new HashMap<>();
		this.jdbc
			.sql("SELECT tg.id AS id, " + measure.aggregate() + " AS realised FROM targets tg"
					+ " JOIN users u ON (tg.owner_kind = 'user' AND u.id = tg.owner_id)"
					+ " OR (tg.owner_kind = 'team' AND u.team_id = tg.owner_id)" + " LEFT JOIN " + table
					+ " p ON p.owner_id = u.id AND " + measure.condition() + " AND " + visible.sql()
					+ " WHERE tg.id IN (" + ids + ") GROUP BY tg.id")
			.params(parameters)
			.query((rs, row) -> result.put(rs.getLong("id"), rs.getBigDecimal("realised")))
			.list();
		return result;
	}

	private static BigDecimal amount(String text, TargetMeasure measure) {
		if (text == null || text.isBlank()) {
			throw ValidationException.of("amount", "target.error.amount");
		}
		BigDecimal amount;
		try {
			amount = new BigDecimal(text.trim().replace(" ", ""));
		}
		catch (NumberFormatException ex) {
			throw ValidationException.of("amount", "target.error.amount");
		}
		if (amount.signum() < 0) {
			throw ValidationException.of("amount", "target.error.negative");
		}
		if (amount.compareTo(MAX_AMOUNT) > 0 || amount.stripTrailingZeros().scale() > 2) {
			throw ValidationException.of("amount", "target.error.amount");
		}
		if (!measure.money() && amount.stripTrailingZeros().scale() > 0) {
			throw ValidationException.of("amount", "target.error.whole");
		}
		return amount;
	}

	/**
	 * The user or team a target is for.
	 */
	record Owner(String kind, long id) {

		boolean team() {
			return "team".equals(this.kind);
		}

		static Owner parse(String text) {
			if (text != null) {
				String[] parts = text.trim().split(":", 2);
				if (parts.length == 2 && ("user".equals(parts[0]) || "team".equals(parts[0]))) {
					try {
						return new Owner(parts[0], Long.parseLong(parts[1]));
					}
					catch (NumberFormatException ex) {
						// Falls through to the error.
					}
				}
			}
			throw ValidationException.of("owner", "target.error.owner");
		}

	}

}
