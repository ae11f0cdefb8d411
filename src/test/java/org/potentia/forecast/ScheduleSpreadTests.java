package org.potentia.forecast;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schedules' arithmetic: rows add up to the amount exactly, the remainder on the last
 * month, and months outside 1 to 120 refused.
 */
class ScheduleSpreadTests {

	private static final YearMonth JAN = YearMonth.of(2027, 1);

	@Test
	void oneOffPutsTheWholeAmountInTheStartMonth() {
		List<ScheduleSpread.Line> lines = ScheduleSpread.spread(Schedule.ONE_OFF, new BigDecimal("1234.5"), 36, JAN);
		assertThat(lines).containsExactly(new ScheduleSpread.Line(JAN, new BigDecimal("1234.50")));
	}

	@Test
	void aHundredOverThreeMonthsPutsTheCentOnTheLast() {
		assertThat(amounts(ScheduleSpread.spread(Schedule.EVEN, new BigDecimal("100.00"), 3, JAN)))
			.containsExactly("33.33", "33.33", "33.34");
	}

	@Test
	void oneCentOverThreeMonthsGoesAllToTheLast() {
		assertThat(amounts(ScheduleSpread.spread(Schedule.EVEN, new BigDecimal("0.01"), 3, JAN)))
			.containsExactly("0.00", "0.00", "0.01");
	}

	@Test
	void aMillionOverThirtySixMonthsAddsUpExactly() {
		List<ScheduleSpread.Line> lines = ScheduleSpread.spread(Schedule.EVEN, new BigDecimal("1000000"), 36, JAN);
		assertThat(lines).hasSize(36);
		assertThat(lines.get(0).amount()).isEqualByComparingTo("27777.77");
		assertThat(lines.get(35).amount()).isEqualByComparingTo("27778.05");
		assertThat(sum(lines)).isEqualByComparingTo("1000000.00");
		assertThat(lines.get(35).month()).isEqualTo(YearMonth.of(2029, 12));
	}

	@Test
	void twoOverThreeMonthsKeepsEveryMonthPositive() {
		assertThat(amounts(ScheduleSpread.spread(Schedule.EVEN, new BigDecimal("2"), 3, JAN))).containsExactly("0.66",
				"0.66", "0.68");
	}

	@Test
	void negativeAmountsSpreadWithTheRemainderOfTheSameSign() {
		List<ScheduleSpread.Line> lines = ScheduleSpread.spread(Schedule.EVEN, new BigDecimal("-100.00"), 3, JAN);
		assertThat(amounts(lines)).containsExactly("-33.33", "-33.33", "-33.34");
		assertThat(sum(lines)).isEqualByComparingTo("-100.00");
	}

	@Test
	void evenOverOneMonthIsTheAmount() {
		assertThat(amounts(ScheduleSpread.spread(Schedule.EVEN, new BigDecimal("99.99"), 1, JAN)))
			.containsExactly("99.99");
	}

	@Test
	void monthlyRepeatsTheMonthlyAmount() {
		List<ScheduleSpread.Line> lines = ScheduleSpread.spread(Schedule.MONTHLY, new BigDecimal("250"), 12, JAN);
		assertThat(lines).hasSize(12).allMatch((line) -> line.amount().compareTo(new BigDecimal("250")) == 0);
		assertThat(sum(lines)).isEqualByComparingTo(ScheduleSpread.total(Schedule.MONTHLY, new BigDecimal("250"), 12));
		assertThat(lines.get(11).month()).isEqualTo(YearMonth.of(2027, 12));
	}

	@Test
	void everyAmountOverEveryMonthCountAddsUp() {
		for (String amount : List.of("0.01", "0.99", "1", "7.77", "100000.01", "99999999999999999.99")) {
			for (int months = 1; months <= ScheduleSpread.MAX_MONTHS; months += 7) {
				List<ScheduleSpread.Line> lines = ScheduleSpread.spread(Schedule.EVEN, new BigDecimal(amount), months,
						JAN);
				assertThat(lines).hasSize(months);
				assertThat(sum(lines)).as(amount + " over " + months).isEqualByComparingTo(amount);
				assertThat(lines).allMatch((line) -> line.amount().scale() == 2 && line.amount().signum() >= 0);
			}
		}
	}

	@Test
	void monthsOutsideOneToOneHundredTwentyAreRefused() {
		assertThatThrownBy(() -> ScheduleSpread.spread(Schedule.EVEN, BigDecimal.TEN, 0, JAN))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> ScheduleSpread.spread(Schedule.MONTHLY, BigDecimal.TEN, 121, JAN))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> ScheduleSpread.spread(Schedule.EVEN, BigDecimal.TEN, -3, JAN))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(ScheduleSpread.spread(Schedule.EVEN, BigDecimal.TEN, 120, JAN)).hasSize(120);
	}

	@Test
	void moreThanTwoDecimalsAreRefusedNotRounded() {
		assertThatThrownBy(() -> ScheduleSpread.spread(Schedule.EVEN, new BigDecimal("1.005"), 2, JAN))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static List<String> amounts(List<ScheduleSpread.Line> lines) {
		return lines.stream().map((line) -> line.amount().toPlainString()).toList();
	}

	private static BigDecimal sum(List<ScheduleSpread.Line> lines) {
		return lines.stream().map(ScheduleSpread.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
