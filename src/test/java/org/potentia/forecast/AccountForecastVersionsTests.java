package org.potentia.forecast;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.potentia.pipeline.PipelineService;
import org.potentia.platform.SaveSource;
import org.potentia.testing.MutableClock;
import org.potentia.testing.Names;
import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.QuickPasswordHashing;
import org.potentia.testing.Records;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.potentia.testing.Accounts.anAccount;

/**
 * Every change of a rolling forecast is kept as a version, so the forecast as it stood on
 * any day comes back, and its accuracy against billing can be measured afterwards. Time
 * is moved by hand.
 */
@SpringBootTest
@Import({ People.class, Records.class, AccountForecastVersionsTests.Time.class, QuickPasswordHashing.class })
class AccountForecastVersionsTests {

	@Autowired
	MutableClock clock;

	@Autowired
	People people;

	@Autowired
	Records records;

	@Autowired
	AccountForecastService forecasts;

	@Autowired
	BillingService billing;

	@Autowired
	PipelineService pipeline;

	@Test
	void theForecastAsOfADayIsTheVersionThatStoodThen() {
		Person rep = this.people.rep(this.people.team());
		Person stranger = this.people.rep(this.people.team());
		long account = this.records.save(anAccount().named(Names.unique("Versions")).ownedBy(rep));
		long area = this.pipeline.activeBusinessAreas().get(0).getId();
		String cell = "a" + area + "_m10";
		LocalDate day1 = LocalDate.ofInstant(this.clock.instant(), this.clock.getZone());

		save(rep, account, cell, "1000");
		this.clock.advance(Duration.ofDays(10));
		save(rep, account, cell, "1500");
		this.clock.advance(Duration.ofDays(10));
		save(rep, account, cell, "");

		assertThat(amounts(account, day1.minusDays(1), rep)).isEmpty();
		assertThat(amounts(account, day1, rep)).containsExactly("1000.00");
		assertThat(amounts(account, day1.plusDays(9), rep)).containsExactly("1000.00");
		assertThat(amounts(account, day1.plusDays(10), rep)).containsExactly("1500.00");
		assertThat(amounts(account, day1.plusDays(25), rep)).as("removed").containsExactly("0.00");
		assertThat(amounts(account, day1.plusDays(10), stranger)).as("another team's account").isEmpty();
		assertThat(this.forecasts.grid(account, 2026, rep.currentUser(), Locale.ENGLISH).lines().get(0).cells().get(9))
			.isEmpty();
	}

	@Test
	void accuracyComparesTheForecastAsItStoodWithBilling() {
		Person rep = this.people.rep(this.people.team());
		long account = this.records.save(anAccount().named(Names.unique("Accuracy")).ownedBy(rep));
		long area = this.pipeline.activeBusinessAreas().get(0).getId();
		String cell = "a" + area + "_m10";
		// 2026-03-02: the forecast for October is 2000; from 2026-08-15 on it is 1000.
		save(rep, account, cell, "2000");
		this.clock.advance(Duration.between(this.clock.instant(), Instant.parse("2026-08-15T10:00:00Z")));
		save(rep, account, cell, "1000");
		BillingForm bill = new BillingForm();
		bill.setAccountId(account);
		bill.setBillingMonth(LocalDate.of(2026, 10, 1));
		bill.setBusinessAreaId(area);
		bill.setAmount(new BigDecimal("1100.00"));
		this.billing.create(bill, rep.currentUser(), SaveSource.FORM);

		AccountForecastService.Accuracy oneMonth = this.forecasts.accuracy(YearMonth.of(2026, 10), 1,
				rep.currentUser());
		assertThat(oneMonth.asOf()).isEqualTo(LocalDate.of(2026, 8, 31));
		assertThat(oneMonth.accounts()).singleElement().satisfies((row) -> {
			assertThat(row.forecast()).isEqualByComparingTo("1000");
			assertThat(row.actual()).isEqualByComparingTo("1100");
			assertThat(row.differencePercent()).isEqualByComparingTo("10.0");
		});
		AccountForecastService.Accuracy threeMonths = this.forecasts.accuracy(YearMonth.of(2026, 10), 3,
				rep.currentUser());
		assertThat(threeMonths.accounts()).singleElement()
			.satisfies((row) -> assertThat(row.forecast()).isEqualByComparingTo("2000"));
		assertThat(threeMonths.totals()).singleElement().satisfies((total) -> {
			assertThat(total.currency()).isEqualTo("EUR");
			assertThat(total.actual()).isEqualByComparingTo("1100");
		});
	}

	private void save(Person rep, long account, String cell, String amount) {
		assertThat(
				this.forecasts.saveGrid(account, 2026, "EUR", Map.of(cell, amount), rep.currentUser(), Locale.ENGLISH))
			.isNull();
	}

	private List<String> amounts(long account, LocalDate day, Person user) {
		return this.forecasts.asOf(List.of(account), day, user.currentUser())
			.stream()
			.map((version) -> version.amount().toPlainString())
			.toList();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Time {

		@Bean
		MutableClock clock() {
			return new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
		}

	}

}
