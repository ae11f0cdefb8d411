package org.potentia.platform;

/**
 * Work that must be done once at every start before anyone can use the application, such
 * as making the first admin. Run by {@link StartupTasks} in their {@code @Order}, after
 * every bean is ready and before the web server takes its first request, so nobody signs
 * in to a half-made start.
 */
@FunctionalInterface
public interface StartupTask {

	void runAtStartup();

}
