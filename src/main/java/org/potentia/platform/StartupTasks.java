package org.potentia.platform;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link StartupTask}s once, in their order, in a lifecycle phase before the web
 * server's: the port opens only after they are done. (An {@code ApplicationRunner} runs
 * after the port is open, so a user signing in during the first seconds would find no
 * admin and no demo users yet.) A failing task fails the start.
 */
@Component
class StartupTasks implements SmartLifecycle {

	/** Before the web server's phase, with room for others between. */
	static final int PHASE = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1000;

	private final ObjectProvider<StartupTask> tasks;

	private volatile boolean running;

	private volatile boolean done;

	StartupTasks(ObjectProvider<StartupTask> tasks) {
		this.tasks = tasks;
	}

	@Override
	public void start() {
		if (!this.done) {
			this.tasks.orderedStream().forEach(StartupTask::runAtStartup);
			this.done = true;
		}
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
		return PHASE;
	}

}
