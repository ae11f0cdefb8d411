package org.potentia.forecast.web;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.potentia.forecast.PotentialForecast;
import org.potentia.forecast.PotentialForecastEntry;
import org.potentia.platform.Amounts;

/**
 * The month grid as the card's form posts it: every cell as typed, so that a wrong one
 * comes back as it was, beside its message.
 */
public class PotentialForecastGridForm {

	private List<Row> rows = new ArrayList<>();

	static PotentialForecastGridForm of(List<PotentialForecast> forecast, Locale locale) {
		PotentialForecastGridForm form = new PotentialForecastGridForm();
		for (PotentialForecast row : forecast) {
			Row cells = new Row();
			cells.setId(row.getId());
			cells.setVersion(row.getVersion());
			cells.setMonth(row.getMonth().toString());
			cells.setBusinessAreaId((row.getBusinessAreaId() != null) ? row.getBusinessAreaId().toString() : "");
			cells.setAmount(plain(row.getAmount(), locale));
			cells.setEdited(row.isEdited());
			form.rows.add(cells);
		}
		return form;
	}

	/**
	 * An amount as the user's language writes it, without grouping: {@code 1234.50} or
	 * {@code 1234,50}.
	 */
	static String plain(BigDecimal amount, Locale locale) {
		String text = amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
		char separator = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
		return (separator == '.') ? text : text.replace('.', separator);
	}

	List<PotentialForecastEntry> entries(Locale locale) {
		return this.rows.stream()
			.map((row) -> new PotentialForecastEntry(row.getId(), row.getVersion(), row.getMonth(),
					row.getBusinessAreaId(), Amounts.normalise(row.getAmount(), locale)))
			.toList();
	}

	public List<Row> getRows() {
		return this.rows;
	}

	public void setRows(List<Row> rows) {
		this.rows = rows;
	}

	/**
	 * One row of the grid.
	 */
	public static class Row {

		private Long id;

		private Long version;

		private String month;

		private String businessAreaId;

		private String amount;

		private boolean edited;

		public Long getId() {
			return this.id;
		}

		public void setId(Long id) {
			this.id = id;
		}

		public Long getVersion() {
			return this.version;
		}

		public void setVersion(Long version) {
			this.version = version;
		}

		public String getMonth() {
			return this.month;
		}

		public void setMonth(String month) {
			this.month = month;
		}

		public String getBusinessAreaId() {
			return this.businessAreaId;
		}

		public void setBusinessAreaId(String businessAreaId) {
			this.businessAreaId = businessAreaId;
		}

		public String getAmount() {
			return this.amount;
		}

		public void setAmount(String amount) {
			this.amount = amount;
		}

		public boolean isEdited() {
			return this.edited;
		}

		public void setEdited(boolean edited) {
			this.edited = edited;
		}

	}

}
