package org.potentia.history;

import java.time.Clock;

import org.potentia.platform.settings.Settings;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application's own {@link SnapshotService}, built from a running context's beans but
 * on a clock of the caller's: it takes a period live, as the scheduler does within a day
 * of the period's end, or rebuilds it from the history when the clock says it is late.
 * The statements are the application's; only the moment differs. For the history
 * benchmark ({@code org.potentia.benchmark.HistoryBenchmark}), which runs outside this
 * package.
 */
public final class SnapshotsAt {

	private SnapshotsAt() {
	}

	public static SnapshotService on(ApplicationContext context, Clock clock) {
		return new SnapshotService(context.getBean(JdbcClient.class), context.getBean(Settings.class),
				context.getBean(TransactionTemplate.class), clock);
	}

}
