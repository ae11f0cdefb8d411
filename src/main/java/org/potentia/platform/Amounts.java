package org.potentia.platform;

import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Amounts as users type them into text fields: with the decimal mark and grouping of
 * their language ({@code 1.234,50} in German, {@code 1,234.50} in English), without
 * grouping, or with the other language's decimal mark where it cannot be grouping
 * ({@code 1234.50} typed by a German user). Text that reads two ways, one mark followed
 * by groups of exactly three digits ({@code 50.000}, {@code 50,000}), is read the way of
 * the user's language: fifty thousand for the point in German and for the comma in
 * English. Spaces and apostrophes ({@code 1 234}, {@code 1'234}) are grouping in every
 * language.
 */
public final class Amounts {

	private static final Pattern DIGITS = Pattern.compile("\\d*");

	private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u202f']");

	private Amounts() {
	}

	/**
	 * The amount as a plain decimal with a point ({@code 1234.50}), or the text as it was
	 * when it is no amount, for the caller to refuse.
	 */
	public static String normalise(String text, Locale locale) {
		if (text == null) {
			return null;
		}
		String plain = SPACES.matcher(text.strip()).replaceAll("");
		String sign = (plain.startsWith("-") || plain.startsWith("+")) ? plain.substring(0, 1) : "";
		String number = plain.substring(sign.length());
		char grouping = (DecimalFormatSymbols.getInstance(locale).getDecimalSeparator() == ',') ? '.' : ',';
		int point = number.lastIndexOf('.');
		int comma = number.lastIndexOf(',');
		String whole;
		String fraction;
		if (point >= 0 && comma >= 0) {
			// Both marks: the last is the decimal mark, the other groups.
			char decimal = (point > comma) ? '.' : ',';
			int at = Math.max(point, comma);
			whole = ungrouped(number.substring(0, at), (decimal == '.') ? ',' : '.');
			fraction = number.substring(at + 1);
		}
		else if (point < 0 && comma < 0) {
			whole = number;
			fraction = "";
		}
		else {
			char mark = (point >= 0) ? '.' : ',';
			String grouped = (mark == grouping) ? ungrouped(number, mark) : null;
			if (grouped != null) {
				whole = grouped;
				fraction = "";
			}
			else if (number.indexOf(mark) == number.lastIndexOf(mark)) {
				whole = number.substring(0, number.indexOf(mark));
				fraction = number.substring(number.indexOf(mark) + 1);
			}
			else {
				return text;
			}
		}
		if (whole == null || !DIGITS.matcher(whole).matches() || !DIGITS.matcher(fraction).matches()
				|| (whole.isEmpty() && fraction.isEmpty())) {
			return text;
		}
		return sign + (whole.isEmpty() ? "0" : whole) + (fraction.isEmpty() ? "" : "." + fraction);
	}

	/**
	 * The digits of a number grouped by threes with the mark ({@code 1.234.567}), or
	 * without any mark; null when the mark does not group them so.
	 */
	private static String ungrouped(String number, char mark) {
		if (number.indexOf(mark) < 0) {
			return number;
		}
		String[] groups = number.split(Pattern.quote(String.valueOf(mark)), -1);
		if (groups[0].isEmpty() || groups[0].length() > 3) {
			return null;
		}
		for (int i = 1; i < groups.length; i++) {
			if (groups[i].length() != 3) {
				return null;
			}
		}
		return String.join("", groups);
	}

}
