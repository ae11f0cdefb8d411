package org.potentia.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openqa.selenium.By;

import org.potentia.browser.Browser;

/**
 * Times the home page in a real browser (headless Chromium) against a running Potentia on
 * the benchmark data set: the first contentful paint of the page (Paint Timing), and the
 * time each widget's own request took (Resource Timing of {@code /home/widgets/{id}}), as
 * a rep, a manager and an admin, and each widget's request alone (one after the other).
 * Each user's home page is the default layout (nine widgets: the eight sales widgets and
 * the module tiles). Prints median and max per case as a Markdown table.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.mainClass=org.potentia.benchmark.HomeBenchmark \
 *   -Dexec.classpathScope=test -Dexec.args="--base=http://localhost:8093 --repeat=5"
 * </pre>
 */
public final class HomeBenchmark {

	private HomeBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			String[] parts = arg.replaceFirst("^--", "").split("=", 2);
			options.put(parts[0], (parts.length > 1) ? parts[1] : "true");
		}
		String base = options.getOrDefault("base", "http://localhost:8093");
		int repeat = Integer.parseInt(options.getOrDefault("repeat", "5"));
		System.out.println("| user | case | median ms | max ms |");
		System.out.println("|---|---|---:|---:|");
		for (String user : List.of("bench-rep-01", "bench-manager-1", "bench-admin")) {
			Map<String, List<Double>> timings = new LinkedHashMap<>();
			try (Browser browser = Browser.open(base)) {
				browser.signIn(user, BenchmarkData.PASSWORD);
				// A first visit makes the user's default layout and warms the caches.
				load(browser);
				for (int i = 0; i < repeat; i++) {
					load(browser);
					timings.computeIfAbsent("first contentful paint", (key) -> new ArrayList<>())
						.add(number(browser.script("var p = performance.getEntriesByName('first-contentful-paint');"
								+ " return p.length ? p[0].startTime : -1;")));
					timings.computeIfAbsent("page (HTML response)", (key) -> new ArrayList<>())
						.add(number(browser.script("var n = performance.getEntriesByType('navigation')[0];"
								+ " return n.responseEnd - n.requestStart;")));
					@SuppressWarnings("unchecked")
					List<Map<String, Object>> widgets = (List<Map<String, Object>>) browser
						.script("return performance.getEntriesByType('resource')"
								+ ".filter(function (e) { return e.name.indexOf('/home/widgets/') >= 0; })"
								+ ".map(function (e) { var id = e.name.replace(/.*\\/home\\/widgets\\//, '');"
								+ " var w = document.getElementById('widget-' + id);"
								+ " return { kind: w ? w.dataset.kind : id, ms: e.duration }; });");
					for (Map<String, Object> widget : widgets) {
						timings.computeIfAbsent("widget " + widget.get("kind"), (key) -> new ArrayList<>())
							.add(number(widget.get("ms")));
					}
					timings.computeIfAbsent("all widgets loaded", (key) -> new ArrayList<>())
						.add(number(
								browser.script("return Math.max.apply(null, performance.getEntriesByType('resource')"
										+ ".filter(function (e) { return e.name.indexOf('/home/widgets/') >= 0; })"
										+ ".map(function (e) { return e.responseEnd; }));")));
				}
				// Each widget's request alone, one after the other, as htmx sends it: the
				// time the "< 500 ms per widget" target is about, without the queueing of
				// nine requests at once on two cores.
				for (int i = 0; i < repeat; i++) {
					@SuppressWarnings("unchecked")
					List<Map<String, Object>> alone = (List<Map<String, Object>>) browser
						.script("return Array.prototype.map.call(document.querySelectorAll('.widget-body[hx-get]'),"
								+ " function (body) { var x = new XMLHttpRequest();"
								+ " x.open('GET', body.getAttribute('hx-get'), false);"
								+ " x.setRequestHeader('HX-Request', 'true'); var start = performance.now();"
								+ " x.send(); var w = body.closest('.dashboard-widget');"
								+ " return { kind: w ? w.dataset.kind : body.getAttribute('hx-get'),"
								+ " ms: performance.now() - start }; });");
					for (Map<String, Object> widget : alone) {
						timings.computeIfAbsent("widget " + widget.get("kind") + " (alone)", (key) -> new ArrayList<>())
							.add(number(widget.get("ms")));
					}
				}
			}
			timings.forEach((name, values) -> {
				List<Double> sorted = new ArrayList<>(values);
				Collections.sort(sorted);
				System.out.println(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f |", user, name,
						sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1)));
			});
		}
	}

	private static void load(Browser browser) {
		browser.get("/");
		int widgets = browser.findAll(By.cssSelector(".dashboard-widget")).size();
		browser.waitUntil(
				(driver) -> browser.findAll(By.cssSelector(".dashboard-widget .widget-content")).size() == widgets);
	}

	private static double number(Object value) {
		return (value instanceof Number number) ? number.doubleValue() : Double.NaN;
	}

}
