package org.potentia.forecast;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A year of an account's monthly figures (budget or rolling forecast) as a grid: a line
 * per business area, a cell per month, and the totals per month, one line per currency
 * (different currencies are never added together).
 *
 * @param accountId the account
 * @param accountName the account's name
 * @param year the year
 * @param currency the currency the grid saves in
 * @param lines a line per business area
 * @param totals per currency, the sums per month and for the year, of the stored rows
 * @param typed whether the cells show what was typed (a refused save) rather than the
 * stored rows, so that the totals are the saved ones, not those of the cells
 * @param errors messages about the grid as a whole (cells outside the year, unknown
 * areas), in the user's language
 */
public record AccountFiguresGrid(long accountId, String accountName, int year, String currency, List<Line> lines,
		List<Total> totals, boolean typed, List<String> errors) {

	static final Pattern CELL = Pattern.compile("a(\\d{1,18})_m(\\d{1,9})");

	/**
	 * The earliest and the latest year a grid may show.
	 */
	static final int FIRST_YEAR = 2000;

	static final int LAST_YEAR = 2100;

	/**
	 * The figures of one business area.
	 *
	 * @param areaId the business area
	 * @param areaName its name in the user's language
	 * @param cells the twelve cells' text (the stored amount, or what the user typed)
	 * @param cellErrors for each month, the error message, or null
	 * @param currencies for each month, the stored row's currency, or null
	 */
	public record Line(long areaId, String areaName, List<String> cells, List<String> cellErrors,
			List<String> currencies) {

		public String name(int month) {
			return "a" + this.areaId + "_m" + month;
		}

		public boolean hasErrors() {
			return this.cellErrors.stream().anyMatch((error) -> error != null);
		}

	}

	/**
	 * The sums of one currency.
	 *
	 * @param currency the currency
	 * @param months the sum of each month
	 * @param year the sum of the year
	 */
	public record Total(String currency, List<BigDecimal> months, BigDecimal year) {
	}

	public static List<Integer> months() {
		List<Integer> months = new ArrayList<>();
		for (int i = 1; i <= 12; i++) {
			months.add(i);
		}
		return months;
	}

	/**
	 * The short names of the twelve months in the user's language.
	 */
	public static List<String> monthNames(Locale locale) {
		List<String> names = new ArrayList<>();
		for (java.time.Month month : java.time.Month.values()) {
			names.add(month.getDisplayName(java.time.format.TextStyle.SHORT, locale));
		}
		return names;
	}

	/**
	 * The numbers of the twelve months.
	 */
	public List<Integer> monthNumbers() {
		return months();
	}

	/**
	 * The month names, for the grid's header.
	 */
	public List<String> monthHeader(Locale locale) {
		return monthNames(locale);
	}

	/**
	 * A sum formatted for the grid's footer.
	 */
	public String sum(BigDecimal amount, Locale locale) {
		return format(amount, locale);
	}

	public int previousYear() {
		return Math.max(FIRST_YEAR, this.year - 1);
	}

	public int nextYear() {
		return Math.min(LAST_YEAR, this.year + 1);
	}

	public boolean hasErrors() {
		return !this.errors.isEmpty() || this.lines.stream().anyMatch(Line::hasErrors);
	}

	/**
	 * The grid of stored rows, and (after a refused save) the text typed and the errors.
	 * @param typed what the user typed, by cell name, or empty
	 * @param cellErrors error messages by cell name
	 */
	static AccountFiguresGrid of(long accountId, String accountName, int year, String currency, Map<Long, String> areas,
			List<AccountFigureRows.Row> rows, Map<String, String> typed, Map<String, String> cellErrors,
			List<String> errors, Locale locale) {
		DecimalFormat cellFormat = new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(locale));
		Map<String, AccountFigureRows.Row> stored = new LinkedHashMap<>();
		rows.forEach((row) -> stored.put("a" + row.businessAreaId() + "_m" + row.month().getMonthValue(), row));
		List<Line> lines = new ArrayList<>();
		areas.forEach((areaId, name) -> {
			List<String> cells = new ArrayList<>();
			List<String> lineErrors = new ArrayList<>();
			List<String> currencies = new ArrayList<>();
			for (int month = 1; month <= 12; month++) {
				String key = "a" + areaId + "_m" + month;
				AccountFigureRows.Row row = stored.get(key);
				cells.add(
						typed.containsKey(key) ? typed.get(key) : (row != null) ? cellFormat.format(row.amount()) : "");
				lineErrors.add(cellErrors.get(key));
				currencies.add((row != null) ? row.currency() : null);
			}
			lines.add(new Line(areaId, name, cells, lineErrors, currencies));
		});
		Map<String, BigDecimal[]> sums = new TreeMap<>();
		for (AccountFigureRows.Row row : rows) {
			BigDecimal[] months = sums.computeIfAbsent(row.currency(), (key) -> zeros());
			months[row.month().getMonthValue() - 1] = months[row.month().getMonthValue() - 1].add(row.amount());
		}
		List<Total> totals = new ArrayList<>();
		sums.forEach((code, months) -> totals
			.add(new Total(code, List.of(months), List.of(months).stream().reduce(BigDecimal.ZERO, BigDecimal::add))));
		return new AccountFiguresGrid(accountId, accountName, year, currency, lines, totals, !typed.isEmpty(),
				List.copyOf(errors));
	}

	private static BigDecimal[] zeros() {
		BigDecimal[] months = new BigDecimal[12];
		java.util.Arrays.fill(months, BigDecimal.ZERO);
		return months;
	}

	/**
	 * An amount typed in a form in the user's language
	 * ({@link org.potentia.platform.Amounts}), with at most two decimals.
	 * @throws NumberFormatException if it is none
	 */
	public static BigDecimal parseAmount(String text, Locale locale) {
		return AccountFiguresSupport.parseAmount(text, locale);
	}

	/**
	 * Formats a total with grouping in the user's language.
	 */
	public static String format(BigDecimal amount, Locale locale) {
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(2);
		format.setMaximumFractionDigits(2);
		return format.format(amount);
	}

	/**
	 * What a grid's form sent, read and checked: the amount of each cell (null for an
	 * empty cell), or the errors.
	 *
	 * @param amounts by business area and first day of the month
	 * @param typed the text of each cell, by cell name
	 * @param cellErrors message keys by cell name
	 * @param errors message keys about the whole grid
	 */
	record Input(Map<Key, BigDecimal> amounts, Map<String, String> typed, Map<String, String> cellErrors,
			List<String> errors) {

		boolean valid() {
			return this.cellErrors.isEmpty() && this.errors.isEmpty();
		}

	}

	/**
	 * A cell: business area and month.
	 *
	 * @param areaId the business area
	 * @param month the first day of the month
	 */
	record Key(long areaId, LocalDate month) {
	}

	/**
	 * Reads the cells ({@code a<area>_m<month>}) of a grid's form. A cell outside the
	 * twelve months or of an unknown business area makes an error about the grid; text
	 * that is no amount, or a negative amount, an error in its cell.
	 */
	static Input read(Map<String, String> parameters, int year, java.util.function.LongPredicate areaExists,
			Locale locale) {
		Map<Key, BigDecimal> amounts = new LinkedHashMap<>();
		Map<String, String> typed = new LinkedHashMap<>();
		Map<String, String> cellErrors = new LinkedHashMap<>();
		List<String> errors = new ArrayList<>();
		for (Map.Entry<String, String> entry : parameters.entrySet()) {
			Matcher matcher = CELL.matcher(entry.getKey());
			if (!matcher.matches()) {
				continue;
			}
			long areaId = Long.parseLong(matcher.group(1));
			int month = Integer.parseInt(matcher.group(2));
			if (month < 1 || month > 12) {
				if (!errors.contains("figures.error.month")) {
					errors.add("figures.error.month");
				}
				continue;
			}
			if (!areaExists.test(areaId)) {
				if (!errors.contains("figures.error.area")) {
					errors.add("figures.error.area");
				}
				continue;
			}
			String text = (entry.getValue() != null) ? entry.getValue().trim() : "";
			typed.put(entry.getKey(), text);
			if (text.isEmpty()) {
				amounts.put(new Key(areaId, LocalDate.of(year, month, 1)), null);
				continue;
			}
			try {
				BigDecimal amount = AccountFiguresSupport.parseAmount(text, locale);
				if (amount.signum() < 0) {
					cellErrors.put(entry.getKey(), "figures.error.negative");
				}
				amounts.put(new Key(areaId, LocalDate.of(year, month, 1)), amount);
			}
			catch (NumberFormatException ex) {
				cellErrors.put(entry.getKey(), "figures.error.number");
			}
		}
		return new Input(amounts, typed, cellErrors, Collections.unmodifiableList(errors));
	}

}
