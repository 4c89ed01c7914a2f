package io.dualgate.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import io.dualgate.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Base of the real-browser journeys: Debian's headless Chromium driven through its own
 * chromedriver (Selenium Manager never downloads anything), one fresh browser profile per
 * test, a screenshot per journey under {@code target/screenshots/}, and a failure for any
 * error the browser console reports (a CSP violation, a missing script, a JavaScript
 * exception).
 * <p>
 * Subclasses are plain test classes: {@code class GateJourneysTests extends BrowserTest}.
 * They are skipped, with a message saying why, where no Chromium is installed.
 */
@IntegrationTest
public abstract class BrowserTest {

	/**
	 * Where Debian's packages put them; override with -Ddualgate.chromium /
	 * -Ddualgate.chromedriver.
	 */
	static final Path CHROMIUM = Path.of(System.getProperty("dualgate.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("dualgate.chromedriver", "/usr/bin/chromedriver"));

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/** The demo users' password. */
	protected static final String DEMO_PASSWORD = "dualgate-demo";

	@LocalServerPort
	private int port;

	protected WebDriver browser;

	private ChromeDriverService service;

	private Path profile;

	private boolean consoleChecked;

	@BeforeAll
	static void requireChromium() {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		// CI sets this: there a missing browser is a failure, not a skip.
		if (Boolean.parseBoolean(System.getenv("DUALGATE_REQUIRE_BROWSER"))) {
			assertThat(installed)
				.as("Chromium at %s and chromedriver at %s (DUALGATE_REQUIRE_BROWSER=true)", CHROMIUM, CHROMEDRIVER)
				.isTrue();
		}
		assumeTrue(installed, () -> "Browser journeys SKIPPED: no Chromium at " + CHROMIUM + " or no chromedriver at "
				+ CHROMEDRIVER + " (install with: apt-get install chromium chromium-driver fonts-noto-cjk)");
	}

	@BeforeEach
	void startBrowser() throws IOException {
		if (this.browser != null) {
			// one browser for the whole class (see keepsOneBrowser)
			this.consoleChecked = false;
			return;
		}
		this.profile = Files.createTempDirectory("dualgate-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,900", "--lang=en-US", "--user-data-dir=" + this.profile);
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		this.service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(this.service, options);
		this.browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		this.consoleChecked = false;
	}

	@AfterEach
	void stopBrowser(TestInfo test) throws IOException {
		try {
			if (!this.consoleChecked) {
				screenshot(test.getTestMethod().map((m) -> m.getName()).orElse("journey") + "-end");
				assertNoConsoleErrors();
			}
		}
		finally {
			if (!keepsOneBrowser()) {
				quitBrowser();
			}
		}
	}

	/**
	 * Whether the tests of this class share one browser (a class with
	 * {@code @TestInstance(PER_CLASS)} that signs in afresh where it needs to, and calls
	 * {@link #quitBrowser()} from its {@code @AfterAll}). By default each test gets a
	 * fresh browser profile.
	 */
	protected boolean keepsOneBrowser() {
		return false;
	}

	/** Ends the browser and removes its profile. */
	protected void quitBrowser() throws IOException {
		if (this.browser == null) {
			return;
		}
		try {
			this.browser.quit();
			this.service.stop();
		}
		finally {
			this.browser = null;
			deleteProfile();
		}
	}

	/** Forgets the session (cookies), as a new visitor: the next page asks to sign in. */
	protected void signOutByForgettingTheSession() {
		open("/login");
		this.browser.manage().deleteAllCookies();
	}

	/**
	 * Makes the page area exactly {@code width} x {@code height} CSS pixels (a laptop's
	 * first screen), whatever the window decorations.
	 */
	protected void viewport(int width, int height) {
		((ChromeDriver) this.browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
	}

	/** Opens every {@code <details>} on the page, so that collapsed tables show. */
	protected void openAllDetails() {
		((org.openqa.selenium.JavascriptExecutor) this.browser)
			.executeScript("document.querySelectorAll('details').forEach(function (d) { d.open = true; });");
	}

	/** Opens a path of the application under test, e.g. {@code open("/prototypes")}. */
	protected void open(String path) {
		this.browser.get(url(path));
	}

	protected String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** Signs in through the login page, as a person would. */
	protected void logIn(String username, String password) {
		open("/login");
		fill(By.id("username"), username);
		fill(By.id("password"), password);
		click(By.cssSelector("form button[type=submit]"));
	}

	protected void logInAs(String demoUser) {
		logIn(demoUser, DEMO_PASSWORD);
		// the click's page load may still be the login page's: wait for the next one
		new WebDriverWait(this.browser, Duration.ofSeconds(15))
			.until((driver) -> !driver.getCurrentUrl().contains("/login"));
		assertThat(this.browser.getCurrentUrl()).doesNotContain("/login");
	}

	protected void fill(By field, String text) {
		WebElement element = this.browser.findElement(field);
		element.clear();
		element.sendKeys(text);
	}

	/**
	 * Clicks like a person: the element scrolled to the middle of the window first,
	 * instantly (Bootstrap's smooth scrolling would still be moving when the click
	 * lands), then waits for the next page.
	 */
	protected void click(By element) {
		WebElement target = this.browser.findElement(element);
		((org.openqa.selenium.JavascriptExecutor) this.browser).executeScript(
				"arguments[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'});", target);
		target.click();
		waitForPageLoad();
	}

	/** Opens a menu of the navigation bar, as a person does before choosing from it. */
	protected void openMenu(String label) {
		this.browser.findElement(By.cssSelector("nav.navbar")).findElement(By.linkText(label)).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(5))
			.until((driver) -> !driver.findElements(By.cssSelector("nav.navbar .dropdown-menu.show")).isEmpty());
	}

	/** Submits the form of the page's main section. */
	protected void submitMainForm() {
		click(By.cssSelector("main form button[type=submit]"));
	}

	protected WebElement waitFor(By element) {
		return new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(element));
	}

	protected void waitForPageLoad() {
		new WebDriverWait(this.browser, Duration.ofSeconds(15)).until((driver) -> "complete"
			.equals(((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return document.readyState")));
	}

	protected String pageText() {
		return this.browser.findElement(By.tagName("body")).getText();
	}

	protected List<WebElement> all(By selector) {
		return this.browser.findElements(selector);
	}

	/** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
	protected Path screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Path target = SCREENSHOTS.resolve(name + ".png");
		Path taken = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(taken, target, StandardCopyOption.REPLACE_EXISTING);
		return target;
	}

	/**
	 * Fails on any SEVERE entry in the browser console since the last call: blocked
	 * inline scripts, resources that failed to load, uncaught exceptions.
	 */
	protected void assertNoConsoleErrors() {
		assertThat(consoleErrors()).as("browser console errors").isEmpty();
	}

	/**
	 * The SEVERE console entries since the last call (and forgets them). Chromium reports
	 * an intended 4xx page as "Failed to load resource": a journey that expects one
	 * checks these itself.
	 */
	protected List<String> consoleErrors() {
		return this.browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	/** Ends a journey: screenshot and console check. */
	protected void finish(String screenshotName) throws IOException {
		screenshot(screenshotName);
		assertNoConsoleErrors();
		this.consoleChecked = true;
	}

	private void deleteProfile() throws IOException {
		if (this.profile == null) {
			return;
		}
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

}
