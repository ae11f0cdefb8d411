package org.potentia.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.potentia.opportunity.Opportunity;
import org.potentia.opportunity.OpportunityService;
import org.potentia.pipeline.PipelineService;
import org.potentia.platform.ConflictException;
import org.potentia.platform.FieldError;
import org.potentia.platform.NotFoundException;
import org.potentia.platform.SaveSource;
import org.potentia.platform.ValidationException;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.api.RecordWriter;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Visibility;
import org.potentia.platform.settings.Settings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An opportunity's invoicing forecast: rows per month and business area, made by a
 * schedule from the opportunity's amount and edited by hand after. Whoever may see (and
 * so change) the opportunity may read and write its rows; every path (the card's grid,
 * the API, the re-spread, the automatic rows of a new opportunity) comes through here.
 * <p>
 * Amounts are in the opportunity's currency and are never negative: a forecast plans
 * invoices, and credit notes are not planned. Months are stored as their first day.
 */
@Service
@Transactional(readOnly = true)
public class PotentialForecastService implements RecordWriter<PotentialForecastForm> {

	/**
	 * The setting holding the default schedule's code.
	 */
	static final String DEFAULT_SCHEDULE = "forecast.default_schedule";

	/**
	 * The setting holding the default schedule's number of months.
	 */
	static final String DEFAULT_MONTHS = "forecast.default_months";

	/**
	 * The most rows one opportunity's grid may hold: ten years of months in three areas.
	 */
	public static final int MAX_ROWS = 360;

	private final PotentialForecastRepository forecasts;

	private final OpportunityService opportunities;

	private final PipelineService pipeline;

	private final Settings settings;

	private final RecordQueries queries;

	private final ModuleDefinition module;

	private final Catalogue catalogue;

	private final Visibility visibility;

	private final JdbcClient jdbc;

	PotentialForecastService(PotentialForecastRepository forecasts, OpportunityService opportunities,
			PipelineService pipeline, Settings settings, RecordQueries queries,
			ModuleDefinition potentialForecastsModule, Catalogue catalogue, Visibility visibility, JdbcClient jdbc) {
		this.forecasts = forecasts;
		this.opportunities = opportunities;
		this.pipeline = pipeline;
		this.settings = settings;
		this.queries = queries;
		this.module = potentialForecastsModule;
		this.catalogue = catalogue;
		this.visibility = visibility;
		this.jdbc = jdbc;
	}

	/**
	 * The forecast rows of an opportunity the user may see, by month.
	 * @throws NotFoundException if the opportunity does not exist or is hidden
	 */
	public List<PotentialForecast> rows(long potentialId, CurrentUser user) {
		this.opportunities.get(potentialId, user);
		return this.forecasts.findByPotentialIdOrderByForecastMonthAscIdAsc(potentialId);
	}

	/**
	 * The opportunity card's view of the forecast: rows, sum, and whether they are out of
	 * step with the opportunity.
	 * @throws NotFoundException if the opportunity does not exist or is hidden
	 */
	public PotentialForecastCard card(long potentialId, CurrentUser user) {
		Opportunity opportunity = this.opportunities.get(potentialId, user);
		return card(opportunity, this.forecasts.findByPotentialIdOrderByForecastMonthAscIdAsc(potentialId));
	}

	private PotentialForecastCard card(Opportunity opportunity, List<PotentialForecast> rows) {
		BigDecimal sum = rows.stream()
			.map(PotentialForecast::getAmount)
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.setScale(2, RoundingMode.UNNECESSARY);
		YearMonth start = startMonth(opportunity);
		List<String> outdated = new ArrayList<>();
		if (!rows.isEmpty()) {
			if (opportunity.getAmount() == null || opportunity.getAmount().compareTo(sum) != 0) {
				outdated.add("forecast.outdated.amount");
			}
			if (!rows.get(0).getMonth().equals(start)) {
				outdated.add("forecast.outdated.start");
			}
			if (rows.stream()
				.anyMatch((row) -> !Objects.equals(row.getBusinessAreaId(), opportunity.getBusinessAreaId()))) {
				outdated.add("forecast.outdated.area");
			}
		}
		return new PotentialForecastCard(opportunity.getId(), opportunity.getAmount(), opportunity.getCurrency(),
				opportunity.getBusinessAreaId(), rows, sum, start, outdated);
	}

	/**
	 * Where an opportunity's schedule starts: the month of its billing start, else of its
	 * expected close date, else this month.
	 */
	public static YearMonth startMonth(Opportunity opportunity) {
		LocalDate date = (opportunity.getBillingStartDate() != null) ? opportunity.getBillingStartDate()
				: opportunity.getExpectedCloseDate();
		return (date != null) ? YearMonth.from(date) : YearMonth.now();
	}

	/**
	 * The schedule a new opportunity's rows are made with: one-off unless the admin chose
	 * another.
	 */
	public DefaultSchedule defaultSchedule() {
		Schedule schedule = this.settings.get(DEFAULT_SCHEDULE).flatMap(Schedule::of).orElse(Schedule.ONE_OFF);
		int months = this.settings.get(DEFAULT_MONTHS).map(PotentialForecastService::parseMonths).orElse(12);
		return new DefaultSchedule(schedule, schedule.spansMonths() ? months : 1);
	}

	private static int parseMonths(String text) {
		try {
			int months = Integer.parseInt(text.trim());
			return (months >= 1 && months <= ScheduleSpread.MAX_MONTHS) ? months : 12;
		}
		catch (NumberFormatException ex) {
			return 12;
		}
	}

	/**
	 * Changes the default schedule (an admin's setting).
	 * @throws ValidationException if the months are out of range
	 */
	@Transactional
	public void changeDefaultSchedule(Schedule schedule, Integer months, String who) {
		int count = schedule.spansMonths() ? requireMonths(months) : 1;
		this.settings.set(DEFAULT_SCHEDULE, schedule.code(), who);
		this.settings.set(DEFAULT_MONTHS, String.valueOf(count), who);
	}

	private static int requireMonths(Integer months) {
		if (months == null || months < 1 || months > ScheduleSpread.MAX_MONTHS) {
			throw ValidationException.of("months", "error.forecast.months", ScheduleSpread.MAX_MONTHS);
		}
		return months;
	}

	/**
	 * Replaces the opportunity's rows by those of a schedule, in the opportunity's
	 * business area. Rows edited by hand are replaced only when the user confirms it.
	 * @param amount the amount to spread (one-off, even) or the monthly amount (monthly);
	 * null for the opportunity's amount
	 * @param overwriteEdited the user's confirmation that edited rows may go
	 * @throws ValidationException naming every problem (months, start, amount, missing
	 * confirmation); nothing is changed then
	 */
	@Transactional
	public List<PotentialForecast> respread(long potentialId, Schedule schedule, Integer months, YearMonth start,
			BigDecimal amount, boolean overwriteEdited, CurrentUser user) {
		Opportunity opportunity = this.opportunities.get(potentialId, user);
		List<FieldError> errors = new ArrayList<>();
		if (schedule == null) {
			errors.add(new FieldError("schedule", "error.forecast.schedule"));
		}
		if (schedule != null && schedule.spansMonths()
				&& (months == null || months < 1 || months > ScheduleSpread.MAX_MONTHS)) {
			errors.add(new FieldError("months", "error.forecast.months", ScheduleSpread.MAX_MONTHS));
		}
		if (start == null) {
			errors.add(new FieldError("start_month", "error.forecast.month_range", ForecastBounds.MIN_YEAR,
					ForecastBounds.MAX_YEAR));
		}
		else if (ForecastBounds.checkYear(start.getYear(), "start_month", errors) && schedule != null
				&& schedule.spansMonths() && months != null && months >= 1 && months <= ScheduleSpread.MAX_MONTHS) {
			// The last month must keep to the years too, or the grid could never be
			// saved.
			ForecastBounds.checkSpan(start, months, "months", errors);
		}
		BigDecimal spreadAmount = (amount != null) ? amount : opportunity.getAmount();
		if (spreadAmount == null || spreadAmount.signum() <= 0) {
			errors.add(new FieldError("amount", "error.forecast.nothing_to_spread"));
		}
		else if (!ForecastBounds.fits(spreadAmount)) {
			errors.add(new FieldError("amount", "error.forecast.amount_range"));
		}
		if (!overwriteEdited && this.forecasts.anyEdited(potentialId)) {
			errors.add(new FieldError("confirm", "error.forecast.confirm_overwrite"));
		}
		if (errors.isEmpty() && schedule == Schedule.MONTHLY
				&& !ForecastBounds.fitsColumn(ScheduleSpread.total(schedule, spreadAmount, months))) {
			errors.add(new FieldError("amount", "error.forecast.amount_range"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return replace(potentialId, schedule, spreadAmount, (months != null) ? months : 1, start,
				opportunity.getBusinessAreaId());
	}

	private List<PotentialForecast> replace(long potentialId, Schedule schedule, BigDecimal amount, int months,
			YearMonth start, Long areaId) {
		this.forecasts.deleteByPotential(potentialId);
		List<PotentialForecast> rows = new ArrayList<>();
		for (ScheduleSpread.Line line : ScheduleSpread.spread(schedule, amount, months, start)) {
			rows.add(new PotentialForecast(potentialId, line.month(), areaId, line.amount(), false));
		}
		return this.forecasts.saveAllAndFlush(rows);
	}

	/**
	 * Gives a new opportunity with an amount the rows of the default schedule, cut at the
	 * end of the years a forecast month may be in (the whole amount then spread over the
	 * months that remain). Called in the transaction that creates it.
	 */
	@Transactional
	void planNew(long potentialId) {
		Opportunity opportunity = this.opportunities.get(potentialId, CurrentUser.SYSTEM);
		if (!spreadable(opportunity.getAmount())
				|| !this.forecasts.findByPotentialIdOrderByForecastMonthAscIdAsc(potentialId).isEmpty()) {
			return;
		}
		DefaultSchedule plan = defaultSchedule();
		YearMonth start = startMonth(opportunity);
		// Cut at the years' end rather than refuse the opportunity: the schedule is the
		// admin's, not what the user entered, and an even spread still adds up to the
		// amount.
		int months = Math.min(plan.months(), ForecastBounds.monthsFrom(start));
		if (months < 1) {
			return;
		}
		replace(potentialId, plan.schedule(), opportunity.getAmount(), months, start, opportunity.getBusinessAreaId());
	}

	/**
	 * Follows a change of the opportunity's amount, while no row is edited by hand: the
	 * rows keep their first month and number, and take the new amount (one row: one-off;
	 * rows that were each the old amount: monthly; otherwise even), never past the end of
	 * the years a forecast month may be in. With edited rows nothing changes; the card
	 * offers the re-spread.
	 */
	@Transactional
	void followAmount(long potentialId, BigDecimal previousAmount) {
		Opportunity opportunity = this.opportunities.get(potentialId, CurrentUser.SYSTEM);
		List<PotentialForecast> rows = this.forecasts.findByPotentialIdOrderByForecastMonthAscIdAsc(potentialId);
		if (rows.isEmpty()) {
			planNew(potentialId);
			return;
		}
		if (!spreadable(opportunity.getAmount()) || rows.stream().anyMatch(PotentialForecast::isEdited)) {
			return;
		}
		Schedule schedule = (rows.size() == 1) ? Schedule.ONE_OFF
				: (previousAmount != null
						&& rows.stream().allMatch((row) -> row.getAmount().compareTo(previousAmount) == 0))
								? Schedule.MONTHLY : Schedule.EVEN;
		int months = Math.min(rows.size(), ForecastBounds.monthsFrom(rows.get(0).getMonth()));
		if (months < 1 || months > ScheduleSpread.MAX_MONTHS || (schedule == Schedule.MONTHLY
				&& !ForecastBounds.fitsColumn(ScheduleSpread.total(schedule, opportunity.getAmount(), months)))) {
			return;
		}
		replace(potentialId, schedule, opportunity.getAmount(), months, rows.get(0).getMonth(),
				opportunity.getBusinessAreaId());
	}

	private static boolean spreadable(BigDecimal amount) {
		return amount != null && amount.signum() > 0 && amount.stripTrailingZeros().scale() <= 2;
	}

	/**
	 * Saves the whole month grid at once: rows with an id are changed (and marked edited
	 * where they differ), rows without are added (edited), rows left out are removed. All
	 * or nothing: any wrong cell refuses the whole save, each error under
	 * {@code rows[i].month}, {@code rows[i].business_area_id} or {@code rows[i].amount}.
	 * @throws ValidationException for wrong cells
	 * @throws ConflictException if a row was changed or removed meanwhile
	 */
	@Transactional
	public List<PotentialForecast> saveGrid(long potentialId, List<PotentialForecastEntry> entries, CurrentUser user) {
		this.opportunities.get(potentialId, user);
		List<PotentialForecast> existing = this.forecasts.findByPotentialIdOrderByForecastMonthAscIdAsc(potentialId);
		Map<Long, PotentialForecast> byId = new HashMap<>();
		existing.forEach((row) -> byId.put(row.getId(), row));
		List<FieldError> errors = new ArrayList<>();
		if (entries.size() > MAX_ROWS) {
			throw ValidationException.of("rows", "error.forecast.too_many_rows", MAX_ROWS);
		}
		List<Parsed> parsed = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		for (int i = 0; i < entries.size(); i++) {
			PotentialForecastEntry entry = entries.get(i);
			String prefix = "rows[" + i + "].";
			PotentialForecast row = null;
			if (entry.id() != null) {
				row = byId.get(entry.id());
				if (row == null || !seen.add(entry.id())) {
					throw ConflictException.staleVersion();
				}
				ConflictException.checkVersion(entry.version(), row.getVersion());
			}
			int before = errors.size();
			YearMonth month = parseMonth(entry.month(), prefix + "month", errors);
			Long area = parseArea(entry.businessAreaId(), (row != null) ? row.getBusinessAreaId() : null,
					prefix + "business_area_id", errors);
			BigDecimal amount = parseAmount(entry.amount(), prefix + "amount", errors);
			if (errors.size() == before) {
				parsed.add(new Parsed(row, month, area, amount));
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		for (PotentialForecast row : existing) {
			if (!seen.contains(row.getId())) {
				this.forecasts.delete(row);
			}
		}
		for (Parsed line : parsed) {
			if (line.row() != null) {
				line.row().edit(line.month(), line.area(), line.amount());
			}
			else {
				this.forecasts.save(new PotentialForecast(potentialId, line.month(), line.area(), line.amount(), true));
			}
		}
		this.forecasts.flush();
		return this.forecasts.findByPotentialIdOrderByForecastMonthAscIdAsc(potentialId);
	}

	private record Parsed(PotentialForecast row, YearMonth month, Long area, BigDecimal amount) {
	}

	private static YearMonth parseMonth(String text, String field, List<FieldError> errors) {
		if (text == null || text.isBlank()) {
			errors.add(new FieldError(field, "error.mandatory"));
			return null;
		}
		String trimmed = text.trim();
		YearMonth month;
		try {
			if (trimmed.length() > 7) {
				LocalDate date = LocalDate.parse(trimmed);
				if (date.getDayOfMonth() != 1) {
					errors.add(new FieldError(field, "error.forecast.month_first"));
					return null;
				}
				month = YearMonth.from(date);
			}
			else {
				month = YearMonth.parse(trimmed);
			}
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError(field, "error.forecast.month_invalid"));
			return null;
		}
		return checkMonth(month, field, errors);
	}

	private static YearMonth checkMonth(YearMonth month, String field, List<FieldError> errors) {
		return ForecastBounds.checkYear(month.getYear(), field, errors) ? month : null;
	}

	private Long parseArea(String text, Long current, String field, List<FieldError> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		Long area;
		try {
			area = Long.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			errors.add(new FieldError(field, "error.relation.unknown"));
			return null;
		}
		checkArea(area, current, field, errors);
		return area;
	}

	private void checkArea(Long area, Long current, String field, List<FieldError> errors) {
		// A row may keep an area the admin has since retired, but not be given one.
		if (area != null && !area.equals(current)
				&& this.pipeline.businessArea(area).filter((found) -> found.isActive()).isEmpty()) {
			errors.add(new FieldError(field, "error.relation.unknown"));
		}
	}

	private static BigDecimal parseAmount(String text, String field, List<FieldError> errors) {
		if (text == null || text.isBlank()) {
			errors.add(new FieldError(field, "error.mandatory"));
			return null;
		}
		BigDecimal amount;
		try {
			amount = new BigDecimal(text.trim());
		}
		catch (NumberFormatException ex) {
			errors.add(new FieldError(field, "error.forecast.amount_invalid"));
			return null;
		}
		return checkAmount(amount, field, errors);
	}

	private static BigDecimal checkAmount(BigDecimal amount, String field, List<FieldError> errors) {
		if (amount.signum() < 0) {
			errors.add(new FieldError(field, "error.forecast.amount_negative"));
			return null;
		}
		if (!ForecastBounds.fits(amount)) {
			errors.add(new FieldError(field, "error.forecast.amount_range"));
			return null;
		}
		return amount.setScale(2, RoundingMode.UNNECESSARY);
	}

	// The API's and the import's writes, one row at a time. A row records no source.

	@Override
	public ModuleDefinition definition() {
		return this.module;
	}

	@Override
	public PotentialForecastForm newForm(CurrentUser user) {
		return new PotentialForecastForm();
	}

	/**
	 * The row, if the user may see its opportunity.
	 * @throws NotFoundException otherwise
	 */
	public PotentialForecast get(long id, CurrentUser user) {
		return this.queries.requireVisible(this.module, id, user, this.forecasts::findById);
	}

	@Override
	public PotentialForecastForm formOf(long id, CurrentUser user) {
		return PotentialForecastForm.of(get(id, user));
	}

	/**
	 * Adds a row by hand (marked edited) to an opportunity the user may see.
	 * @throws ValidationException for a hidden or unknown opportunity, a month that is no
	 * first of a month or out of range, a negative or too large amount, an unknown area
	 */
	@Override
	@Transactional
	public long create(PotentialForecastForm form, CurrentUser user, SaveSource source) {
		List<FieldError> errors = new ArrayList<>();
		if (!visibleOpportunity(form.getPotentialId(), user)) {
			errors.add(new FieldError("potential_id", "error.relation.unknown"));
		}
		Checked checked = check(form, null, errors);
		PotentialForecast row = new PotentialForecast(form.getPotentialId(), checked.month(), form.getBusinessAreaId(),
				checked.amount(), true);
		return this.forecasts.saveAndFlush(row).getId();
	}

	/**
	 * Changes a row by hand; it is marked edited. A row stays with its opportunity.
	 */
	@Override
	@Transactional
	public void update(long id, PotentialForecastForm form, CurrentUser user, SaveSource source) {
		PotentialForecast row = get(id, user);
		ConflictException.checkVersion(form.getVersion(), row.getVersion());
		List<FieldError> errors = new ArrayList<>();
		if (!Objects.equals(form.getPotentialId(), row.getPotentialId())) {
			errors.add(new FieldError("potential_id", "error.forecast.potential_fixed"));
		}
		Checked checked = check(form, row.getBusinessAreaId(), errors);
		row.edit(checked.month(), form.getBusinessAreaId(), checked.amount());
		this.forecasts.saveAndFlush(row);
	}

	@Override
	@Transactional
	public void delete(long id, CurrentUser user, SaveSource source) {
		PotentialForecast row = get(id, user);
		this.forecasts.delete(row);
		this.forecasts.flush();
	}

	private record Checked(YearMonth month, BigDecimal amount) {
	}

	private Checked check(PotentialForecastForm form, Long currentArea, List<FieldError> errors) {
		YearMonth month = null;
		if (form.getForecastMonth() != null) {
			if (form.getForecastMonth().getDayOfMonth() != 1) {
				errors.add(new FieldError("forecast_month", "error.forecast.month_first"));
			}
			else {
				month = checkMonth(YearMonth.from(form.getForecastMonth()), "forecast_month", errors);
			}
		}
		BigDecimal amount = (form.getAmount() != null) ? checkAmount(form.getAmount(), "amount", errors) : null;
		checkArea(form.getBusinessAreaId(), currentArea, "business_area_id", errors);
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return new Checked(month, amount);
	}

	private boolean visibleOpportunity(Long potentialId, CurrentUser user) {
		if (potentialId == null) {
			return false;
		}
		try {
			this.opportunities.get(potentialId, user);
			return true;
		}
		catch (NotFoundException ex) {
			return false;
		}
	}

	/**
	 * The opportunities' invoicing forecast per month, business area and currency, over
	 * the opportunities the user may see. What counts how:
	 * <ul>
	 * <li>open opportunities count twice over: <em>weighted</em>, each row times its
	 * opportunity's probability (rounded to cents per month and area), and
	 * <em>unweighted</em>, in full;</li>
	 * <li>won opportunities count in full as <em>committed</em>;</li>
	 * <li>lost opportunities drop out.</li>
	 * </ul>
	 * The rows keep no copy of the stage: the figures follow the opportunity's stage and
	 * probability as they are now. Amounts of different currencies are never added.
	 * @param from the first month
	 * @param to the last month
	 * @param accountId only the opportunities of this account, or null for all
	 * @param businessAreaId only rows of this business area, or null for all
	 * @param user whose visibility applies
	 */
	public List<PotentialForecastFigure> figures(YearMonth from, YearMonth to, Long accountId, Long businessAreaId,
			CurrentUser user) {
		ModuleDefinition potentials = this.catalogue.get("potentials");
		SqlCondition where = SqlCondition.of("f.forecast_month >= ?", Date.valueOf(from.atDay(1)))
			.and(SqlCondition.of("f.forecast_month <= ?", Date.valueOf(to.atDay(1))))
			.and(this.visibility.predicate(potentials, "p", user));
		if (accountId != null) {
			where = where.and(SqlCondition.of("p.account_id = ?", accountId));
		}
		if (businessAreaId != null) {
			where = where.and(SqlCondition.of("f.business_area_id = ?", businessAreaId));
		}
		return this.jdbc.sql("""
				SELECT f.forecast_month, f.business_area_id, p.currency,
				  SUM(CASE WHEN s.kind = 'won' THEN f.amount ELSE 0 END) AS committed,
				  SUM(CASE WHEN COALESCE(s.kind, 'open') = 'open'
				      THEN f.amount * COALESCE(p.probability, 0) / 100 ELSE 0 END) AS weighted,
				  SUM(CASE WHEN COALESCE(s.kind, 'open') = 'open' THEN f.amount ELSE 0 END) AS unweighted
				FROM potential_forecasts f
				JOIN potentials p ON p.id = f.potential_id
				LEFT JOIN pipeline_stages s ON s.id = p.stage_id
				WHERE %s AND COALESCE(s.kind, 'open') <> 'lost'
				GROUP BY f.forecast_month, f.business_area_id, p.currency
				ORDER BY f.forecast_month, f.business_area_id, p.currency
				""".formatted(where.sql()))
			.params(where.parameters())
			.query((rs, rowNum) -> new PotentialForecastFigure(
					YearMonth.from(rs.getDate("forecast_month").toLocalDate()),
					(Long) rs.getObject("business_area_id", Long.class), rs.getString("currency"),
					rs.getBigDecimal("committed").setScale(2, RoundingMode.HALF_UP),
					rs.getBigDecimal("weighted").setScale(2, RoundingMode.HALF_UP),
					rs.getBigDecimal("unweighted").setScale(2, RoundingMode.HALF_UP)))
			.list();
	}

	/**
	 * The schedule new opportunities get.
	 *
	 * @param schedule the schedule
	 * @param months its months (1 for one-off)
	 */
	public record DefaultSchedule(Schedule schedule, int months) {
	}

}
