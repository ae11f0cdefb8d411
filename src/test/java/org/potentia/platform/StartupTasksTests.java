package org.potentia.platform;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The start-up tasks (the first admin, the demo data) are done, in their order, before
 * the web server opens its port, and once only.
 */
class StartupTasksTests {

	static final List<String> events = new CopyOnWriteArrayList<>();

	@Test
	void runsTheTasksInTheirOrderBeforeTheWebServerStartsAndOnlyOnce() {
		events.clear();
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			// Registered in the opposite order to their @Order, and the server first.
			context.register(WebServer.class, Later.class, First.class, StartupTasks.class);
			context.refresh();
			assertThat(events).containsExactly("first", "later", "web server");

			context.stop();
			context.start();
			assertThat(events).containsExactly("first", "later", "web server", "web server");
		}
	}

	@Test
	void aFailingTaskFailsTheStartBeforeTheWebServerOpens() {
		events.clear();
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.register(WebServer.class, Failing.class, StartupTasks.class);
			assertThatThrownBy(context::refresh).hasRootCauseMessage("no admin");
		}
		assertThat(events).doesNotContain("web server");
	}

	@Order(1)
	static class First implements StartupTask {

		@Override
		public void runAtStartup() {
			events.add("first");
		}

	}

	@Order(2)
	static class Later implements StartupTask {

		@Override
		public void runAtStartup() {
			events.add("later");
		}

	}

	static class Failing implements StartupTask {

		@Override
		public void runAtStartup() {
			throw new IllegalStateException("no admin");
		}

	}

	/** Stands for Boot's lifecycle bean that starts the web server, in its phase. */
	static class WebServer implements SmartLifecycle {

		private boolean running;

		@Override
		public void start() {
			events.add("web server");
			this.running = true;
		}

		@Override
		public void stop() {
			this.running = false;
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public int getPhase() {
			return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE;
		}

	}

}
