package org.potentia.forecast;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.potentia.platform.FieldError;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.SqlCondition;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Visibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ERP's bulk upsert of actual billing: up to {@value #MAX_ROWS} rows, each with its
 * external id, in one transaction. A row whose external id exists updates that row, a new
 * one is added, and a row whose values are all equal to the stored ones is left alone
 * (its version and update time stay), so sending the same rows twice changes nothing.
 * Every row is checked before anything is written; if any is refused, nothing is, and
 * each error names its row's index and field. Reads and writes are set-based: look-ups of
 * a few hundred keys per statement, inserts and updates (a {@code MERGE} from
 * {@code VALUES}) of {@value #INSERT_ROWS} rows per statement.
 */
@Service
public class BillingBulkUpsert {

	public static final int MAX_ROWS = 10_000;

	static final int LOOKUP_CHUNK = 500;

	static final int INSERT_ROWS = 500;

	private static final String UPDATE_ROW = "(CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS DATE), CAST(? AS BIGINT),"
			+ " CAST(? AS NUMERIC(19, 2)), CAST(? AS VARCHAR(3)), CAST(? AS VARCHAR(100)), CAST(? AS DATE))";

	private final JdbcClient jdbc;

	private final AccountFiguresSupport support;

	private final Visibility visibility;

	private final ModuleDefinition accounts;

	BillingBulkUpsert(JdbcClient jdbc, AccountFiguresSupport support, Visibility visibility,
			ModuleDefinition accountsModule) {
		this.jdbc = jdbc;
		this.support = support;
		this.visibility = visibility;
		this.accounts = accountsModule;
	}

	/**
	 * A refused row's field.
	 *
	 * @param index the row's index in the request, from 0
	 * @param error the field and the reason
	 */
	public record RowError(int index, FieldError error) {
	}

	/**
	 * The request was refused: nothing was written.
	 */
	public static class Refused extends RuntimeException {

		private final List<RowError> errors;

		public Refused(List<RowError> errors) {
			super("bulk upsert refused: " + errors.size() + " errors");
			this.errors = List.copyOf(errors);
		}

		public List<RowError> getErrors() {
			return this.errors;
		}

	}

	/**
	 * What became of the rows.
	 *
	 * @param ids the id of each row, in the request's order
	 * @param results for each row, {@code created}, {@code updated} or {@code unchanged}
	 * @param created how many were added
	 * @param updated how many were changed
	 * @param unchanged how many were equal to the stored ones
	 */
	public record Result(List<Long> ids, List<String> results, int created, int updated, int unchanged) {
	}

	/**
	 * Upserts the rows, all or none.
	 * @param rows the rows, bound and validated field by field already (a null entry is a
	 * row the caller refused)
	 * @param earlier errors the caller found while binding, by row
	 * @throws Refused with every error, if any row is refused
	 */
	@Transactional
	public Result upsert(List<BillingForm> rows, List<RowError> earlier, CurrentUser user) {
		List<RowError> errors = new ArrayList<>(earlier);
		Set<Integer> refused = new HashSet<>();
		earlier.forEach((error) -> refused.add(error.index()));
		Map<String, Integer> firstIndex = new HashMap<>();
		Set<Long> accountIds = new HashSet<>();
		Set<Long> areas = this.support.areaIds();
		for (int i = 0; i < rows.size(); i++) {
			BillingForm row = rows.get(i);
			if (row == null || refused.contains(i)) {
				continue;
			}
			String externalId = BillingService.blankToNull(row.getExternalId());
			if (externalId == null) {
				errors.add(new RowError(i, new FieldError("external_id", "figures.error.external_id_required")));
			}
			else {
				Integer first = firstIndex.putIfAbsent(externalId, i);
				if (first != null) {
					errors.add(new RowError(i,
							new FieldError("external_id", "figures.error.external_id_twice", externalId, first)));
				}
			}
			if (row.getAmount() != null && !ForecastBounds.fitsColumn(row.getAmount())) {
				errors.add(new RowError(i, new FieldError("amount", "error.attribute.range", "amount")));
			}
			if (row.getCurrency() != null && !row.getCurrency().isBlank()
					&& !AccountFiguresSupport.validCurrency(row.getCurrency())) {
				errors.add(new RowError(i, new FieldError("currency", "figures.error.currency")));
			}
			if (row.getBusinessAreaId() != null && !areas.contains(row.getBusinessAreaId())) {
				errors.add(new RowError(i, new FieldError("business_area_id", "figures.error.area")));
			}
			if (row.getAccountId() != null) {
				accountIds.add(row.getAccountId());
			}
		}
		Map<String, BillingService.Billing> existing = existing(new ArrayList<>(firstIndex.keySet()));
		existing.values().forEach((stored) -> accountIds.add(stored.accountId()));
		Set<Long> visible = visibleAccounts(accountIds, user);
		for (int i = 0; i < rows.size(); i++) {
			BillingForm row = rows.get(i);
			if (row == null || refused.contains(i)) {
				continue;
			}
			if (row.getAccountId() != null && !visible.contains(row.getAccountId())) {
				errors.add(new RowError(i, new FieldError("account_id", "error.relation.unknown")));
			}
			BillingService.Billing stored = (row.getExternalId() != null)
					? existing.get(BillingService.blankToNull(row.getExternalId())) : null;
			if (stored != null && !visible.contains(stored.accountId())) {
				errors.add(new RowError(i,
						new FieldError("external_id", "figures.error.external_id_taken", stored.externalId())));
			}
		}
		if (!errors.isEmpty()) {
			errors.sort((a, b) -> Integer.compare(a.index(), b.index()));
			throw new Refused(errors);
		}
		return write(rows, existing, user);
	}

	private Result write(List<BillingForm> rows, Map<String, BillingService.Billing> existing, CurrentUser user) {
		Timestamp now = this.support.nowTimestamp();
		List<Long> ids = new ArrayList<>(Collections.nCopies(rows.size(), (Long) null));
		List<String> results = new ArrayList<>(Collections.nCopies(rows.size(), (String) null));
		List<Object[]> updates = new ArrayList<>();
		List<Integer> inserts = new ArrayList<>();
		int unchanged = 0;
		for (int i = 0; i < rows.size(); i++) {
			BillingForm row = rows.get(i);
			String externalId = BillingService.blankToNull(row.getExternalId());
			LocalDate month = AccountFiguresSupport.firstOfMonth(row.getBillingMonth());
			String currency = AccountFiguresSupport.currency(row.getCurrency());
			String number = BillingService.blankToNull(row.getInvoiceNumber());
			BillingService.Billing stored = existing.get(externalId);
			if (stored == null) {
				inserts.add(i);
				results.set(i, "created");
				continue;
			}
			ids.set(i, stored.id());
			if (stored.sameAs(row.getAccountId(), month, row.getBusinessAreaId(), row.getAmount(), currency, number,
					row.getInvoiceDate())) {
				results.set(i, "unchanged");
				unchanged++;
				continue;
			}
			results.set(i, "updated");
			updates.add(new Object[] { stored.id(), row.getAccountId(), month, row.getBusinessAreaId(), row.getAmount(),
					currency, number, row.getInvoiceDate() });
		}
		// One statement per part, not a batch of single-row updates: on PostgreSQL every
		// statement also runs the triggers that keep the forecast totals.
		for (int from = 0; from < updates.size(); from += INSERT_ROWS) {
			List<Object[]> part = updates.subList(from, Math.min(updates.size(), from + INSERT_ROWS));
			List<Object> parameters = new ArrayList<>();
			for (Object[] update : part) {
				parameters.addAll(Arrays.asList(update));
			}
			parameters.addAll(List.of(now, user.username()));
			this.jdbc
				.sql("MERGE INTO billing t USING (VALUES "
						+ String.join(", ", Collections.nCopies(part.size(), UPDATE_ROW))
						+ ") AS v (id, account_id, billing_month, business_area_id, amount, currency, invoice_number,"
						+ " invoice_date) ON t.id = v.id WHEN MATCHED THEN UPDATE SET account_id = v.account_id,"
						+ " billing_month = v.billing_month, business_area_id = v.business_area_id, amount = v.amount,"
						+ " currency = v.currency, invoice_number = v.invoice_number, invoice_date = v.invoice_date,"
						+ " updated_at = ?, updated_by = ?, version = t.version + 1")
				.params(parameters)
				.update();
		}
		for (int from = 0; from < inserts.size(); from += INSERT_ROWS) {
			List<Integer> part = inserts.subList(from, Math.min(inserts.size(), from + INSERT_ROWS));
			List<Object> parameters = new ArrayList<>();
			for (int index : part) {
				BillingForm row = rows.get(index);
				parameters.addAll(List.of(row.getAccountId(), AccountFiguresSupport.firstOfMonth(row.getBillingMonth()),
						row.getBusinessAreaId(), row.getAmount(), AccountFiguresSupport.currency(row.getCurrency())));
				parameters.add(BillingService.blankToNull(row.getInvoiceNumber()));
				parameters.add(row.getInvoiceDate());
				parameters.addAll(List.of(BillingService.blankToNull(row.getExternalId()), now, user.username(), now,
						user.username()));
			}
			this.jdbc
				.sql("INSERT INTO billing (account_id, billing_month, business_area_id, amount, currency,"
						+ " invoice_number, invoice_date, external_id, created_at, created_by, updated_at, updated_by,"
						+ " version) VALUES "
						+ String.join(", ",
								Collections.nCopies(part.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")))
				.params(parameters)
				.update();
		}
		if (!inserts.isEmpty()) {
			List<String> keys = inserts.stream()
				.map((index) -> BillingService.blankToNull(rows.get(index).getExternalId()))
				.toList();
			Map<String, BillingService.Billing> added = existing(keys);
			for (int index : inserts) {
				ids.set(index, added.get(BillingService.blankToNull(rows.get(index).getExternalId())).id());
			}
		}
		return new Result(ids, results, inserts.size(), updates.size(), unchanged);
	}

	private Set<Long> visibleAccounts(Set<Long> ids, CurrentUser user) {
		Set<Long> result = new HashSet<>();
		List<Long> all = new ArrayList<>(ids);
		SqlCondition visible = this.visibility.predicate(this.accounts, "t", user);
		for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
			List<Long> chunk = all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK));
			List<Object> parameters = new ArrayList<>(chunk);
			parameters.addAll(visible.parameters());
			result.addAll(
					this.jdbc
						.sql("SELECT t.id FROM accounts t WHERE t.id IN (" + placeholders(chunk.size()) + ") AND "
								+ visible.sql())
						.params(parameters)
						.query(Long.class)
						.list());
		}
		return result;
	}

	private Map<String, BillingService.Billing> existing(List<String> externalIds) {
		Map<String, BillingService.Billing> result = new HashMap<>();
		for (int from = 0; from < externalIds.size(); from += LOOKUP_CHUNK) {
			List<String> chunk = externalIds.subList(from, Math.min(externalIds.size(), from + LOOKUP_CHUNK));
			this.jdbc
				.sql("SELECT " + BillingService.COLUMNS + " FROM billing WHERE external_id IN ("
						+ placeholders(chunk.size()) + ")")
				.params(new ArrayList<Object>(chunk))
				.query((rs, n) -> BillingService.map(rs))
				.list()
				.forEach((row) -> result.put(row.externalId(), row));
		}
		return result;
	}

	private static String placeholders(int count) {
		return String.join(", ", Collections.nCopies(count, "?"));
	}

}
