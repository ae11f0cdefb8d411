package org.potentia.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.potentia.account.Account;
import org.potentia.demo.DemoContext;
import org.potentia.demo.DemoContributor;
import org.potentia.pipeline.BusinessArea;
import org.potentia.pipeline.PipelineService;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo figures for the demo accounts: budgets of last year (the first account's locked)
 * and this year, rolling forecasts of this year with versions from earlier in the year,
 * and billing for every past month, per business area.
 */
@Component
@Order(40)
class BudgetDemo implements DemoContributor {

	private final JdbcTemplate jdbc;

	private final PipelineService pipeline;

	private final AccountFiguresSupport support;

	BudgetDemo(JdbcTemplate jdbc, PipelineService pipeline, AccountFiguresSupport support) {
		this.jdbc = jdbc;
		this.pipeline = pipeline;
		this.support = support;
	}

	@Override
	public void contribute(DemoContext context) {
		List<BusinessArea> areas = this.pipeline.activeBusinessAreas();
		if (areas.isEmpty()) {
			return;
		}
		LocalDate today = this.support.today();
		int year = today.getYear();
		Timestamp now = this.support.nowTimestamp();
		String by = context.admin().username();
		List<Object[]> budgets = new ArrayList<>();
		List<Object[]> forecasts = new ArrayList<>();
		List<Object[]> versions = new ArrayList<>();
		List<Object[]> billing = new ArrayList<>();
		List<Account> accounts = context.accounts();
		for (int a = 0; a < accounts.size(); a++) {
			long account = accounts.get(a).getId();
			for (int i = 0; i < Math.min(3, areas.size()); i++) {
				if (i > 0 && context.random().nextInt(3) == 0) {
					continue;
				}
				long area = areas.get(i).getId();
				int base = 2_000 + context.random().nextInt(80) * 100;
				for (int y = year - 1; y <= year; y++) {
					for (int m = 1; m <= 12; m++) {
						LocalDate month = LocalDate.of(y, m, 1);
						BigDecimal budget = amount(base * (1.0 + ((m % 4) * 0.05)));
						budgets.add(new Object[] { account, month, area, budget, now, by, now, by });
						if (month.isBefore(today.withDayOfMonth(1))) {
							BigDecimal billed = amount(
									budget.doubleValue() * (0.75 + context.random().nextDouble() * 0.4));
							billing.add(new Object[] { account, month, area, billed,
									"R-" + account + "-" + y + m + "-" + i, month.plusMonths(1).minusDays(1),
									"DEMO-" + account + "-" + y + "-" + m + "-" + area, now, by, now, by });
						}
						if (y == year) {
							BigDecimal first = budget;
							BigDecimal current = amount(
									budget.doubleValue() * (0.85 + context.random().nextDouble() * 0.3));
							forecasts.add(new Object[] { account, month, area, current, now, by, now, by });
							LocalDate start = LocalDate.of(year, 1, 10);
							LocalDate middle = today.minusMonths(2).isAfter(start) ? today.minusMonths(2) : start;
							versions.add(new Object[] { account, month, area, first,
									Timestamp.from(start.atStartOfDay().toInstant(ZoneOffset.UTC)), by });
							versions.add(new Object[] { account, month, area,
									amount((first.doubleValue() + current.doubleValue()) / 2),
									Timestamp.from(middle.atTime(9, 0).toInstant(ZoneOffset.UTC)), by });
							versions.add(new Object[] { account, month, area, current, now, by });
						}
					}
				}
			}
		}
		this.jdbc
			.batchUpdate("INSERT INTO account_budgets (account_id, budget_month, business_area_id, amount, currency,"
					+ " created_at, created_by, updated_at, updated_by, version) VALUES (?, ?, ?, ?, 'EUR', ?, ?, ?, ?, 0)",
					budgets);
		this.jdbc.batchUpdate("INSERT INTO account_forecasts (account_id, forecast_month, business_area_id, amount,"
				+ " currency, created_at, created_by, updated_at, updated_by, version)"
				+ " VALUES (?, ?, ?, ?, 'EUR', ?, ?, ?, ?, 0)", forecasts);
		this.jdbc.batchUpdate("INSERT INTO account_forecast_versions (account_id, forecast_month, business_area_id,"
				+ " amount, currency, valid_from, changed_by) VALUES (?, ?, ?, ?, 'EUR', ?, ?)", versions);
		this.jdbc.batchUpdate("INSERT INTO billing (account_id, billing_month, business_area_id, amount, currency,"
				+ " invoice_number, invoice_date, external_id, created_at, created_by, updated_at, updated_by, version)"
				+ " VALUES (?, ?, ?, ?, 'EUR', ?, ?, ?, ?, ?, ?, ?, 0)", billing);
		if (!accounts.isEmpty()) {
			this.jdbc.update("INSERT INTO account_budget_locks (account_id, budget_year, locked_at, locked_by)"
					+ " VALUES (?, ?, ?, ?)", accounts.get(0).getId(), year - 1, now, by);
		}
	}

	private static BigDecimal amount(double value) {
		return BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_UP).setScale(2);
	}

}
