package org.potentia.forecast;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.potentia.platform.ConflictException;
import org.potentia.platform.NotFoundException;
import org.potentia.platform.SaveSource;
import org.potentia.platform.ValidationException;
import org.potentia.platform.api.RecordWriter;
import org.potentia.platform.catalogue.ModuleDefinition;
import org.potentia.platform.query.RecordQueries;
import org.potentia.platform.security.CurrentUser;
import org.potentia.platform.security.Visibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's actual billing per month and business area, optionally with an invoice
 * number and date, entered on the account's billing page, through the API or a CSV
 * import, or sent by an ERP in bulk ({@link BillingBulkUpsert}) with its external id.
 * Amounts may be negative: a credit note reduces the month's billing.
 */
@Service
@Transactional(readOnly = true)
public class BillingService implements RecordWriter<BillingForm> {

	static final String COLUMNS = "id, account_id, billing_month, business_area_id, amount, currency, invoice_number,"
			+ " invoice_date, external_id, version";

	private final JdbcClient jdbc;

	private final AccountFiguresSupport support;

	private final RecordQueries queries;

	private final ModuleDefinition module;

	private final Visibility visibility;

	BillingService(JdbcClient jdbc, AccountFiguresSupport support, RecordQueries queries,
			ModuleDefinition billingModule, Visibility visibility) {
		this.jdbc = jdbc;
		this.support = support;
		this.queries = queries;
		this.module = billingModule;
		this.visibility = visibility;
	}

	/**
	 * A stored billing row.
	 *
	 * @param id the row's id
	 * @param accountId the account
	 * @param month the first day of the month billed
	 * @param businessAreaId the business area
	 * @param amount the amount (negative for a credit note)
	 * @param currency its currency
	 * @param invoiceNumber the invoice number, or null
	 * @param invoiceDate the invoice date, or null
	 * @param externalId the ERP's id, or null
	 * @param version the optimistic-locking version
	 */
	public record Billing(long id, long accountId, LocalDate month, long businessAreaId, BigDecimal amount,
			String currency, String invoiceNumber, LocalDate invoiceDate, String externalId, long version) {

		/**
		 * Whether the row holds exactly these values (amounts compared by value).
		 */
		boolean sameAs(long account, LocalDate otherMonth, long area, BigDecimal otherAmount, String otherCurrency,
				String number, LocalDate date) {
			return this.accountId == account && this.month.equals(otherMonth) && this.businessAreaId == area
					&& this.amount.compareTo(otherAmount) == 0 && this.currency.equals(otherCurrency)
					&& Objects.equals(this.invoiceNumber, number) && Objects.equals(this.invoiceDate, date);
		}

	}

	static Billing map(ResultSet rs) throws SQLException {
		return new Billing(rs.getLong("id"), rs.getLong("account_id"), rs.getObject("billing_month", LocalDate.class),
				rs.getLong("business_area_id"), rs.getBigDecimal("amount"), rs.getString("currency"),
				rs.getString("invoice_number"), rs.getObject("invoice_date", LocalDate.class),
				rs.getString("external_id"), rs.getLong("version"));
	}

	@Override
	public ModuleDefinition definition() {
		return this.module;
	}

	@Override
	public BillingForm newForm(CurrentUser user) {
		return new BillingForm();
	}

	@Override
	public BillingForm formOf(long id, CurrentUser user) {
		Billing row = get(id, user);
		BillingForm form = new BillingForm();
		form.setAccountId(row.accountId());
		form.setBillingMonth(row.month());
		form.setBusinessAreaId(row.businessAreaId());
		form.setAmount(row.amount());
		form.setCurrency(row.currency());
		form.setInvoiceNumber(row.invoiceNumber());
		form.setInvoiceDate(row.invoiceDate());
		form.setExternalId(row.externalId());
		form.setVersion(row.version());
		return form;
	}

	/**
	 * The row, if the user may see its account.
	 * @throws NotFoundException otherwise
	 */
	public Billing get(long id, CurrentUser user) {
		if (!this.queries.isVisible(this.module, id, user)) {
			throw new NotFoundException(this.module.name(), id);
		}
		return find(id).orElseThrow(() -> new NotFoundException(this.module.name(), id));
	}

	private Optional<Billing> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM billing WHERE id = ?")
			.param(id)
			.query((rs, n) -> map(rs))
			.optional();
	}

	private Optional<Billing> findByExternalId(String externalId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM billing WHERE external_id = ?")
			.param(externalId)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/**
	 * The account's name.
	 * @throws NotFoundException if the user may not see the account
	 */
	public String accountName(long accountId, CurrentUser user) {
		return this.support.accountName(accountId, user);
	}

	/**
	 * The account's billing of a year, newest month first.
	 * @throws NotFoundException if the user may not see the account
	 */
	public List<Billing> ofAccount(long accountId, int year, CurrentUser user) {
		this.support.accountName(accountId, user);
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM billing WHERE account_id = ? AND billing_month >= ? AND billing_month < ?"
					+ " ORDER BY billing_month DESC, business_area_id, id")
			.params(accountId, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
			.query((rs, n) -> map(rs))
			.list();
	}

	/**
	 * Adds a billing row. A row with the external id of an existing one is refused by the
	 * API (use the bulk upsert) and updates that row in a CSV import.
	 * @return the row's id
	 */
	@Override
	@Transactional
	public long create(BillingForm form, CurrentUser user, SaveSource source) {
		this.support.check(form.getAccountId(), "billing_month", form.getBillingMonth(), form.getBusinessAreaId(),
				form.getAmount(), form.getCurrency(), user);
		String externalId = blankToNull(form.getExternalId());
		if (externalId != null) {
			Optional<Billing> existing = findByExternalId(externalId);
			if (existing.isPresent()) {
				if (source != SaveSource.IMPORT || !this.support.canSee(existing.get().accountId(), user)) {
					throw ValidationException.of("external_id", "figures.error.external_id_taken", externalId);
				}
				update(existing.get().id(), form, user, source);
				return existing.get().id();
			}
		}
		Timestamp now = this.support.nowTimestamp();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO billing (account_id, billing_month, business_area_id, amount, currency, invoice_number,"
					+ " invoice_date, external_id, created_at, created_by, updated_at, updated_by, version)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
			.params(form.getAccountId(), AccountFiguresSupport.firstOfMonth(form.getBillingMonth()),
					form.getBusinessAreaId(), form.getAmount(), AccountFiguresSupport.currency(form.getCurrency()),
					blankToNull(form.getInvoiceNumber()), form.getInvoiceDate(), externalId, now, user.username(), now,
					user.username())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	@Override
	@Transactional
	public void update(long id, BillingForm form, CurrentUser user, SaveSource source) {
		Billing row = get(id, user);
		ConflictException.checkVersion(form.getVersion(), row.version());
		this.support.check(form.getAccountId(), "billing_month", form.getBillingMonth(), form.getBusinessAreaId(),
				form.getAmount(), form.getCurrency(), user);
		String externalId = blankToNull(form.getExternalId());
		if (externalId != null && !externalId.equals(row.externalId())) {
			findByExternalId(externalId).ifPresent((other) -> {
				throw ValidationException.of("external_id", "figures.error.external_id_taken", externalId);
			});
		}
		LocalDate month = AccountFiguresSupport.firstOfMonth(form.getBillingMonth());
		String currency = AccountFiguresSupport.currency(form.getCurrency());
		String number = blankToNull(form.getInvoiceNumber());
		if (row.sameAs(form.getAccountId(), month, form.getBusinessAreaId(), form.getAmount(), currency, number,
				form.getInvoiceDate()) && Objects.equals(externalId, row.externalId())) {
			return;
		}
		int changed = this.jdbc
			.sql("UPDATE billing SET account_id = ?, billing_month = ?, business_area_id = ?, amount = ?, currency = ?,"
					+ " invoice_number = ?, invoice_date = ?, external_id = ?, updated_at = ?, updated_by = ?,"
					+ " version = version + 1 WHERE id = ? AND version = ?")
			.params(form.getAccountId(), month, form.getBusinessAreaId(), form.getAmount(), currency, number,
					form.getInvoiceDate(), externalId, this.support.nowTimestamp(), user.username(), id, row.version())
			.update();
		if (changed == 0) {
			throw ConflictException.staleVersion();
		}
	}

	@Override
	@Transactional
	public void delete(long id, CurrentUser user, SaveSource source) {
		Billing row = get(id, user);
		this.jdbc.sql("DELETE FROM billing WHERE id = ?").param(row.id()).update();
	}

	/**
	 * The billing of a year, month by month and per currency, over the accounts the user
	 * may see: what the chart and the report read.
	 */
	public List<AccountFiguresQueries.MonthAmount> monthly(Collection<Long> accountIds, int year, CurrentUser user) {
		return AccountFiguresQueries.monthly(this.jdbc, this.visibility, this.module, "billing", "billing_month",
				accountIds, year, user);
	}

	static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

}
