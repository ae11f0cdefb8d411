package org.potentia.browser;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for browser tests: Debian's {@code chromium} and
 * {@code chromium-driver}, never a browser or driver downloaded at run time (Selenium
 * Manager does not run because both paths are given). Without them the test fails with a
 * clear message instead of being skipped, so that CI cannot pass without its browser
 * tests.
 * <p>
 * Every page must load without an error in the browser's console (a script error, a
 * resource that failed to load): the console is read before each page is left, after it
 * has loaded and when the browser is closed, and any error fails the test with the page
 * and the message. A test that provokes an error on purpose (a page that answers 404,
 * say) says so with {@link #expectConsoleError}.
 *
 * <pre class="code">
 * try (Browser browser = Browser.open("http://localhost:" + port)) {
 *     browser.signIn("admin", "secret");
 *     browser.get("/accounts");
 * }
 * </pre>
 */
public final class Browser implements AutoCloseable {

	/** A laptop screen. */
	public static final Dimension DESKTOP = new Dimension(1280, 900);

	/** A phone held upright. */
	public static final Dimension PHONE = new Dimension(390, 844);

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	static final Duration POLL = Duration.ofMillis(50);

	private static final File CHROMIUM = new File(System.getProperty("potentia.chromium", "/usr/bin/chromium"));

	private static final File CHROMEDRIVER = new File(
			System.getProperty("potentia.chromedriver", "/usr/bin/chromedriver"));

	private final String baseUrl;

	private final Path profile;

	private final ChromeDriver driver;

	private final WebDriverWait wait;

	private final Dimension viewport;

	private final boolean phone;

	/**
	 * Fragments of the console errors the test expects on the current page.
	 */
	private final List<String> expectedErrors = new ArrayList<>();

	private Browser(String baseUrl, Path profile, ChromeDriver driver, Dimension viewport, boolean phone) {
		this.baseUrl = baseUrl;
		this.profile = profile;
		this.driver = driver;
		// A condition that reads an element while the page is replaced (after a click
		// that navigates) is asked again, not failed.
		// Asked again every POLL, not Selenium's default half second: most conditions
		// hold within a few dozen milliseconds (an htmx swap), and each wait otherwise
		// costs up to 500 ms.
		this.wait = new WebDriverWait(driver, TIMEOUT, POLL);
		this.wait.ignoring(StaleElementReferenceException.class);
		this.viewport = viewport;
		this.phone = phone;
	}

	/**
	 * Starts a browser with a desktop window and English as the browser's language.
	 * @param baseUrl the application's root, such as {@code http://localhost:8091}
	 */
	public static Browser open(String baseUrl) {
		return open(baseUrl, DESKTOP);
	}

	public static Browser open(String baseUrl, Dimension window) {
		requireExecutable(CHROMIUM, "chromium");
		requireExecutable(CHROMEDRIVER, "chromium-driver");
		Path profile = createProfileDirectory();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		// Reduced motion: Bootstrap otherwise scrolls smoothly, and a click on an element
		// scrolled into view would land while the page still moves.
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-default-apps", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
				"--hide-scrollbars", "--force-prefers-reduced-motion", "--lang=en-US", "--user-data-dir=" + profile,
				"--window-size=" + Math.max(window.getWidth(), 800) + "," + window.getHeight());
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
		LoggingPreferences logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.SEVERE);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
		boolean phone = window.getWidth() < DESKTOP.getWidth();
		if (phone) {
			// A window cannot be narrower than 500 pixels; a phone's viewport is
			// emulated.
			options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of("width", window.getWidth(),
					"height", window.getHeight(), "pixelRatio", 1.0, "mobile", true)));
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.usingAnyFreePort()
			.withLogOutput(OutputStream.nullOutputStream())
			.build();
		try {
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			return new Browser(baseUrl.replaceAll("/$", ""), profile, driver, window, phone);
		}
		catch (RuntimeException ex) {
			delete(profile);
			throw ex;
		}
	}

	/**
	 * Loads a page of the application.
	 * @param path the path below the application's root, such as {@code /accounts}
	 */
	public Browser get(String path) {
		assertNoConsoleErrors();
		this.expectedErrors.clear();
		this.driver.get(this.baseUrl + path);
		assertNoConsoleErrors();
		return this;
	}

	/**
	 * Loads a page that is expected to log an error in the console, such as a page that
	 * answers 404 ({@code "status of 404"}).
	 * @param fragment a part of the expected error's message
	 */
	public Browser getExpectingConsoleError(String path, String fragment) {
		assertNoConsoleErrors();
		this.expectedErrors.clear();
		this.expectedErrors.add(fragment);
		this.driver.get(this.baseUrl + path);
		assertNoConsoleErrors();
		return this;
	}

	/**
	 * Accepts console errors that contain the fragment until the next page is loaded with
	 * {@link #get}: for an action on this page that is meant to fail, such as a form post
	 * answered with 422.
	 */
	public Browser expectConsoleError(String fragment) {
		this.expectedErrors.add(fragment);
		return this;
	}

	/**
	 * The errors logged in the console since it was last read, without the expected ones.
	 * Reading empties the log.
	 */
	public List<String> consoleErrors() {
		List<String> errors = new ArrayList<>();
		for (LogEntry entry : this.driver.manage().logs().get(LogType.BROWSER)) {
			if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
					&& this.expectedErrors.stream().noneMatch((fragment) -> entry.getMessage().contains(fragment))) {
				errors.add(entry.getMessage());
			}
		}
		return errors;
	}

	/**
	 * Fails if the console shows an error: called on every page, so a test need not.
	 */
	public Browser assertNoConsoleErrors() {
		List<String> errors = consoleErrors();
		if (!errors.isEmpty()) {
			throw new AssertionError(
					"The browser console shows errors on " + path() + ":\n  " + String.join("\n  ", errors));
		}
		return this;
	}

	/**
	 * Signs in through the sign-in page and waits for the home page.
	 */
	public Browser signIn(String username, String password) {
		get("/login");
		type(By.id("username"), username);
		type(By.id("password"), password);
		click(By.id("sign-in"));
		waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("user-menu")));
		return this;
	}

	public WebElement find(By by) {
		return waitUntil(ExpectedConditions.visibilityOfElementLocated(by));
	}

	public List<WebElement> findAll(By by) {
		return this.driver.findElements(by);
	}

	/**
	 * Replaces the text of an input with the given one, keystroke by keystroke.
	 */
	public Browser type(By by, String text) {
		WebElement element = find(by);
		element.clear();
		element.sendKeys(text);
		return this;
	}

	public Browser click(By by) {
		waitUntil(ExpectedConditions.elementToBeClickable(by)).click();
		return this;
	}

	public Browser select(By by, String visibleText) {
		new Select(find(by)).selectByVisibleText(visibleText);
		return this;
	}

	/**
	 * Waits until the condition holds, for at most {@link #TIMEOUT}.
	 */
	public <T> T waitUntil(ExpectedCondition<T> condition) {
		return this.wait.until((driver) -> {
			try {
				return condition.apply(driver);
			}
			catch (WebDriverException ex) {
				// Chromium's way of saying "stale" when the node's document was replaced
				// between finding and reading it: ask again.
				if (ex.getMessage() != null && ex.getMessage().contains("does not belong to the document")) {
					return null;
				}
				throw ex;
			}
		});
	}

	/**
	 * Waits until the element's text contains the given text, as after an htmx swap.
	 */
	public Browser waitForText(By by, String text) {
		waitUntil(ExpectedConditions.textToBePresentInElementLocated(by, text));
		return this;
	}

	/**
	 * Waits until htmx has no request in flight. Waiting for the text a swap brings is
	 * better where there is one: a delayed trigger may not have started its request yet.
	 */
	public Browser waitForHtmx() {
		waitUntil((driver) -> Boolean.TRUE.equals(script(
				"return document.readyState === 'complete' && document.querySelector('.htmx-request') === null")));
		return this;
	}

	/**
	 * The path (and query) of the current page, without the application's root.
	 */
	public String path() {
		String url = this.driver.getCurrentUrl();
		return (url != null && url.startsWith(this.baseUrl)) ? url.substring(this.baseUrl.length()) : url;
	}

	public String title() {
		return this.driver.getTitle();
	}

	public String pageSource() {
		return this.driver.getPageSource();
	}

	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/**
	 * Saves what the browser window shows as a PNG.
	 */
	public Path screenshot(Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.copy(this.driver.getScreenshotAs(OutputType.FILE).toPath(), file,
					StandardCopyOption.REPLACE_EXISTING);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Saves the whole page, not only what fits in the window, by making the viewport as
	 * tall as the page for the shot.
	 */
	public Path fullPageScreenshot(Path file) {
		script("window.scrollTo(0, 0)");
		int height = Math.max(this.viewport.getHeight(),
				((Number) script("return document.documentElement.scrollHeight")).intValue());
		viewport(new Dimension(this.viewport.getWidth(), height));
		try {
			return screenshot(file);
		}
		finally {
			viewport(this.viewport);
		}
	}

	private void viewport(Dimension size) {
		if (this.phone) {
			this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.getWidth(),
					"height", size.getHeight(), "deviceScaleFactor", 1, "mobile", true));
		}
		else {
			this.driver.manage().window().setSize(size);
		}
	}

	public WebDriver driver() {
		return this.driver;
	}

	/**
	 * Checks the console of the last page, then quits the browser.
	 */
	@Override
	public void close() {
		try {
			assertNoConsoleErrors();
		}
		finally {
			try {
				this.driver.quit();
			}
			finally {
				delete(this.profile);
			}
		}
	}

	private static void requireExecutable(File file, String debianPackage) {
		if (!file.canExecute()) {
			throw new IllegalStateException("Browser tests need " + file + ": install it with 'apt-get install "
					+ debianPackage + "' (or point -Dpotentia." + file.getName() + " at it)");
		}
	}

	private static Path createProfileDirectory() {
		try {
			return Files.createTempDirectory("potentia-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A leftover profile in the temp directory is no reason to fail a test.
		}
	}

}
