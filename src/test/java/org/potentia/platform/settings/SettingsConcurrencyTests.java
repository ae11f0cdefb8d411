package org.potentia.platform.settings;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.potentia.platform.ConflictException;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two admins save the same group of settings from pages showing the same version: only
 * the first save passes, the second is refused as a conflict and changes nothing, also
 * when the group has never been saved before and so has no rows to hold. The row they
 * take turns on is made again if someone deleted it by hand.
 */
@PotentiaTest
class SettingsConcurrencyTests {

	@Autowired
	Settings settings;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	final String key = "test.first-save." + UUID.randomUUID();

	final List<String> group = List.of(this.key, this.key + ".other");

	// Two threads of its own: the common pool may have only one on two cores.
	final ExecutorService threads = Executors.newFixedThreadPool(2);

	@AfterEach
	void removeTheKeys() {
		this.threads.shutdownNow();
		this.jdbc.sql("DELETE FROM settings WHERE setting_key IN (:keys)").param("keys", this.group).update();
	}

	@Test
	void ofTwoFirstSavesFromTheSamePageTheSecondIsRefusedAndTheFirstKept() throws Exception {
		long seen = this.settings.version(this.group);
		CountDownLatch firstChecked = new CountDownLatch(1);
		CountDownLatch firstMayWrite = new CountDownLatch(1);

		// The first passes its check, then waits before writing anything.
		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> this.transactions.executeWithoutResult((s) -> {
			this.settings.checkVersion(this.group, seen);
			firstChecked.countDown();
			await(firstMayWrite);
			write("first");
		}), this.threads);
		assertThat(firstChecked.await(10, TimeUnit.SECONDS)).isTrue();
		// The second checks while the first has passed its check but written nothing yet:
		// there is no row of the group to hold.
		CompletableFuture<Void> second = CompletableFuture
			.runAsync(() -> this.transactions.executeWithoutResult((s) -> {
				this.settings.checkVersion(this.group, seen);
				write("second");
			}), this.threads);
		Thread.sleep(300);
		firstMayWrite.countDown();

		first.get(10, TimeUnit.SECONDS);
		assertThat(second).failsWithin(10, TimeUnit.SECONDS)
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(ConflictException.class);
		assertThat(this.settings.get(this.key)).contains("first");
		assertThat(this.settings.get(this.key + ".other")).contains("first");
	}

	@Test
	void aSaveFromAPageOlderThanTheLastSaveIsRefused() {
		long seen = this.settings.version(this.group);
		this.transactions.executeWithoutResult((s) -> save("first", seen));

		assertThat(this.settings.version(this.group)).isNotEqualTo(seen);
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.transactions.executeWithoutResult((s) -> save("second", seen)));
		assertThat(this.settings.get(this.key)).contains("first");
	}

	@Test
	void aLockRowDeletedByHandIsMadeAgainAndTheSavePasses() {
		this.jdbc.sql("DELETE FROM settings WHERE setting_key = ?").param(Settings.LOCK).update();
		long seen = this.settings.version(this.group);

		this.transactions.executeWithoutResult((s) -> save("first", seen));

		assertThat(this.settings.get(this.key)).contains("first");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM settings WHERE setting_key = ?")
			.param(Settings.LOCK)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private void save(String value, long seen) {
		this.settings.checkVersion(this.group, seen);
		write(value);
	}

	private void write(String value) {
		this.group.forEach((key) -> this.settings.set(key, value, value));
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
