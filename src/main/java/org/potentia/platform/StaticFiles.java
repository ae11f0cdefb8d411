package org.potentia.platform;

import java.util.List;
import java.util.stream.Stream;

/**
 * Where the static files are served from: the folders whose links carry their content's
 * hash and are kept by the browser for a year, and the favicon. Anyone may fetch them,
 * signed in or not, and no request for one needs the session.
 */
public final class StaticFiles {

	/** The folders, each as the start of a path. */
	static final List<String> FOLDERS = List.of("/css/", "/js/", "/webjars/");

	private static final String FAVICON = "/favicon.ico";

	private StaticFiles() {
	}

	/**
	 * Whether a path (without the context path) is one of a static file.
	 */
	public static boolean isStatic(String path) {
		return inFolder(path) || path.equals(FAVICON);
	}

	/**
	 * The paths of all static files as Ant-style patterns, for request matchers.
	 */
	public static String[] patterns() {
		return Stream.concat(FOLDERS.stream().map((folder) -> folder + "**"), Stream.of(FAVICON))
			.toArray(String[]::new);
	}

	/**
	 * Whether a path (without the context path) lies in one of the static folders.
	 */
	public static boolean inFolder(String path) {
		// A plain loop: this runs for every link of every page.
		for (String folder : FOLDERS) {
			if (path.startsWith(folder)) {
				return true;
			}
		}
		return false;
	}

}
