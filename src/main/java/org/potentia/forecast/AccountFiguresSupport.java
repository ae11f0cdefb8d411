package org.potentia.forecast;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.potentia.account.AccountService;
import org.potentia.pipeline.BusinessArea;
import org.potentia.pipeline.PipelineService;
import org.potentia.platform.FieldError;
import org.potentia.platform.Amounts;
import org.potentia.platform.ValidationException;
import org.potentia.platform.security.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the account figures (budgets, rolling forecasts, billing) share: the checks of an
 * account and a business area, currencies, amounts typed in a grid, and the clock.
 */
@Component
class AccountFiguresSupport {

	static final String DEFAULT_CURRENCY = "EUR";

	private final AccountService accounts;

	private final PipelineService pipeline;

	private final Clock clock;

	AccountFiguresSupport(AccountService accounts, PipelineService pipeline, ObjectProvider<Clock> clock) {
		this.accounts = accounts;
		this.pipeline = pipeline;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	Instant now() {
		return this.clock.instant();
	}

	Timestamp nowTimestamp() {
		return Timestamp.from(now());
	}

	ZoneId zone() {
		return this.clock.getZone();
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * Refuses an account that does not exist or that the user may not see (and so not
	 * change).
	 */
	void requireAccount(Long accountId, CurrentUser user) {
		if (accountId == null || !this.accounts.isVisible(accountId, user)) {
			throw ValidationException.of("account_id", "error.relation.unknown");
		}
	}

	boolean canSee(long accountId, CurrentUser user) {
		return this.accounts.isVisible(accountId, user);
	}

	String accountName(long accountId, CurrentUser user) {
		return this.accounts.get(accountId, user).getName();
	}

	/**
	 * Checks the account, the month, the business area, the amount and the currency of a
	 * row, all at once.
	 * @throws ValidationException with one error per offending field
	 */
	void check(Long accountId, String monthField, java.time.LocalDate month, Long areaId, BigDecimal amount,
			String currency, CurrentUser user) {
		List<FieldError> errors = new ArrayList<>();
		if (month != null) {
			ForecastBounds.checkYear(month.getYear(), monthField, errors);
		}
		if (accountId == null || !this.accounts.isVisible(accountId, user)) {
			errors.add(new FieldError("account_id", "error.relation.unknown"));
		}
		if (areaId == null || this.pipeline.businessArea(areaId).isEmpty()) {
			errors.add(new FieldError("business_area_id", "figures.error.area"));
		}
		checkAmount(amount, errors);
		if (currency != null && !currency.isBlank() && !validCurrency(currency)) {
			errors.add(new FieldError("currency", "figures.error.currency"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
	}

	void requireArea(Long areaId) {
		if (areaId == null || this.pipeline.businessArea(areaId).isEmpty()) {
			throw ValidationException.of("business_area_id", "figures.error.area");
		}
	}

	/**
	 * The ids of every business area, for checks of many rows at once.
	 */
	java.util.Set<Long> areaIds() {
		java.util.Set<Long> ids = new java.util.HashSet<>();
		this.pipeline.businessAreas().forEach((area) -> ids.add(area.getId()));
		return ids;
	}

	boolean areaExists(long areaId) {
		return this.pipeline.businessArea(areaId).isPresent();
	}

	/**
	 * The business areas a grid shows: the active ones, and inactive ones that have
	 * figures.
	 */
	List<BusinessArea> gridAreas(java.util.Set<Long> used) {
		List<BusinessArea> result = new ArrayList<>();
		for (BusinessArea area : this.pipeline.businessAreas()) {
			if (area.isActive() || used.contains(area.getId())) {
				result.add(area);
			}
		}
		return result;
	}

	Map<Long, String> areaNames(Locale locale) {
		Map<Long, String> names = new LinkedHashMap<>();
		this.pipeline.businessAreas().forEach((area) -> names.put(area.getId(), area.name(locale)));
		return names;
	}

	/**
	 * A currency code in upper case, EUR when none is given.
	 */
	static String currency(String code) {
		return (code == null || code.isBlank()) ? DEFAULT_CURRENCY : code.trim().toUpperCase(Locale.ROOT);
	}

	static boolean validCurrency(String code) {
		return code != null && code.trim().matches("[A-Za-z]{3}");
	}

	static LocalDate firstOfMonth(LocalDate day) {
		return day.withDayOfMonth(1);
	}

	/**
	 * An amount typed in a grid or form cell, written the English ({@code 1,234.5}) or
	 * the German way ({@code 1.234,5}).
	 * @throws NumberFormatException if it is no number with at most two decimals that
	 * fits the column
	 */
	static BigDecimal parseAmount(String text, Locale locale) {
		String normal = Amounts.normalise(text, locale);
		if (!normal.matches("[-+]?\\d+(\\.\\d*)?")) {
			throw new NumberFormatException(text);
		}
		BigDecimal amount = new BigDecimal(normal);
		if (!ForecastBounds.fits(amount)) {
			throw new NumberFormatException(text);
		}
		return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
	}

	/**
	 * Refuses values the form's constraints cannot express: an amount too large for the
	 * column.
	 */
	static void checkAmount(BigDecimal amount, List<FieldError> errors) {
		if (amount != null && !ForecastBounds.fitsColumn(amount)) {
			errors.add(new FieldError("amount", "error.attribute.range", "amount"));
		}
	}

}
