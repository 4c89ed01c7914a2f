package io.dualgate.browser;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.naming.OperationNotSupportedException;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core (WCAG 2.1 A and AA rules) on every page each role reaches, in English and in
 * Chinese, failing on any serious or critical violation. Pages are found by crawling: the
 * navigation bar's links, then the links inside each page's main content, one page per
 * path shape ({@code /gates/17} and {@code /gates/18} are the same page), so a page added
 * later is covered as soon as something links to it. A page nothing links to goes into
 * {@link #UNLINKED}, one line.
 * <p>
 * The same walk checks that no page relies on an emoji font (symbols render as boxes
 * without one: icons are inline SVG).
 * <p>
 * One browser serves all eight walks (each signs in afresh), and axe runs in the page
 * itself reporting violations only: what costs time is the pages, not starting browsers
 * or shipping every passing node back to Java.
 */
@TestInstance(Lifecycle.PER_CLASS)
class AccessibilityTests extends BrowserTest {

	/** Pages no link leads to, per role ({@code *} for every role). */
	static final Map<String, List<String>> UNLINKED = Map.of("*", List.of("/profile", "/no-such-page"), "admin",
			List.of("/admin/users/new"));

	/**
	 * A demo prototype with POCs, a maturity assessment and a gate, walked before any
	 * prototype found by crawling: other tests add prototypes that come first in the
	 * list, and one without POCs would leave the POC form out of the walk.
	 */
	private static final String FULLEST_PROTOTYPE = "/prototypes/CLAIMS-TRIAGE";

	/** Pages expected to answer with an error page (whose layout is checked too). */
	private static final Set<String> INTENDED_ERRORS = Set.of("/no-such-page");

	/**
	 * Links that are not pages to check: downloads, the API, leaving, switching language.
	 */
	private static final Pattern SKIP = Pattern
		.compile("^/(logout|api/|v3/|swagger-ui|actuator|webjars/|css/|js/|img/)|\\.(csv|json|pdf)(\\?|$)|[?&]lang=");

	/** Path segments that are ids or keys: one page per shape. */
	private static final Pattern ID_SEGMENT = Pattern.compile("^(\\d+|[A-Z0-9]+(-[A-Z0-9]+)+|[A-Z0-9]{3,})$");

	/**
	 * Symbols that need an emoji or symbol font (hourglass, warning sign, check marks,
	 * shapes).
	 */
	private static final Pattern EMOJI = Pattern
		.compile("[\\x{2300}-\\x{23FF}\\x{2460}-\\x{27BF}\\x{2B00}-\\x{2BFF}\\x{1F000}-\\x{1FAFF}]");

	private static final int MAX_PAGES = 80;

	/**
	 * Passing, incomplete and inapplicable rules are counted but not listed node by node;
	 * our pages have no frames, so axe runs in the page alone (legacy mode: no extra
	 * window per page to merge frame results in).
	 */
	private static final AxeRunOptions VIOLATIONS_ONLY = new AxeRunOptions();

	static {
		VIOLATIONS_ONLY.setResultTypes(List.of("violations"));
		VIOLATIONS_ONLY.setIFrames(false);
	}

	private boolean axePreloaded;

	/**
	 * Puts axe-core into every page the browser opens from now on, once, instead of
	 * sending its 500 kB through the driver for every page.
	 */
	private void preloadAxe() throws IOException {
		if (this.axePreloaded) {
			return;
		}
		try {
			String axe = new AxeBuilder().getAxeScriptProvider().getScript();
			((ChromeDriver) this.browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
					Map.of("source", axe));
		}
		catch (OperationNotSupportedException ex) {
			throw new IllegalStateException(ex);
		}
		this.axePreloaded = true;
	}

	@Override
	protected boolean keepsOneBrowser() {
		return true;
	}

	@AfterAll
	void quitTheBrowser() throws IOException {
		quitBrowser();
	}

	@ParameterizedTest(name = "{0} in {1}")
	@CsvSource({ "executive, en", "explorer, en", "deliverer, en", "admin, en", "executive, zh-CN", "explorer, zh-CN",
			"deliverer, zh-CN", "admin, zh-CN" })
	void everyPageARoleReachesHasNoSeriousOrCriticalViolation(String user, String language) throws IOException {
		preloadAxe();
		signOutByForgettingTheSession();
		logInAs(user);
		open("/?lang=" + language);
		Deque<String> queue = new ArrayDeque<>();
		links("nav.navbar a[href]").forEach(queue::add);
		UNLINKED.getOrDefault("*", List.of()).forEach(queue::add);
		UNLINKED.getOrDefault(user, List.of()).forEach(queue::add);
		queue.add(FULLEST_PROTOTYPE);
		Map<String, String> checked = new LinkedHashMap<>();
		long started = System.nanoTime();
		long axeNanos = 0;
		List<String> violations = new ArrayList<>();
		List<String> consoleProblems = new ArrayList<>();
		while (!queue.isEmpty() && checked.size() < MAX_PAGES) {
			String path = queue.poll();
			if (SKIP.matcher(path).find() || checked.containsKey(shape(path))) {
				continue;
			}
			checked.put(shape(path), path);
			open(path);
			waitForPageLoad();
			List<String> console = consoleErrors();
			if (!INTENDED_ERRORS.contains(path)) {
				console.forEach((error) -> consoleProblems.add(path + ": " + error));
			}
			PageFacts page = pageFacts();
			assertThat(page.lang()).as("lang of %s", path).startsWith(language.substring(0, 2));
			assertThat(!page.errorPage() || INTENDED_ERRORS.contains(path)).as("%s rendered an error page", path)
				.isTrue();
			assertThat(EMOJI.matcher(page.text()).find()).as("%s shows a symbol that needs an emoji font: %s", path,
					EMOJI.matcher(page.text()).results().map((m) -> m.group()).distinct().collect(Collectors.joining()))
				.isFalse();
			page.links().stream().map(this::pathOf).filter(Objects::nonNull).forEach(queue::add);
			long axeStarted = System.nanoTime();
			violations.addAll(axe(path));
			axeNanos += System.nanoTime() - axeStarted;
		}
		assertThat(checked).as("pages checked for %s", user).hasSizeGreaterThanOrEqualTo(5);
		// the limit only guards against a crawl that never ends: reaching it leaves pages
		// out
		assertThat(checked).as("pages checked for %s: raise MAX_PAGES", user).hasSizeLessThan(MAX_PAGES);
		System.out.printf("axe: %s (%s): %d pages in %.1f s (axe itself %.1f s): %s%n", user, language, checked.size(),
				(System.nanoTime() - started) / 1e9, axeNanos / 1e9, checked.values());
		screenshot("axe-" + user + "-" + language + "-last");
		assertThat(violations)
			.as("serious or critical axe violations for %s (%s) on %s", user, language, checked.values())
			.isEmpty();
		assertThat(consoleProblems).as("browser console errors (CSP violations, failed scripts)").isEmpty();
	}

	/**
	 * What the walk checks besides axe, read in one round trip with every
	 * {@code <details>} opened: the page's language, whether it is an error page, its
	 * visible text (all rows of every table), and the links of its main content.
	 */
	@SuppressWarnings("unchecked")
	private PageFacts pageFacts() {
		Map<String, Object> facts = (Map<String, Object>) ((JavascriptExecutor) this.browser).executeScript("""
				document.querySelectorAll('details').forEach(function (d) { d.open = true; });
				return {
				  lang: document.documentElement.lang,
				  errorPage: document.querySelector('.dg-error') !== null,
				  text: document.body.innerText,
				  links: Array.from(document.querySelectorAll('main a[href]')).map(function (a) { return a.href; })
				};""");
		return new PageFacts(String.valueOf(facts.get("lang")), Boolean.TRUE.equals(facts.get("errorPage")),
				String.valueOf(facts.get("text")), (List<String>) facts.get("links"));
	}

	private record PageFacts(String lang, boolean errorPage, String text, List<String> links) {
	}

	/** Serious and critical violations of the WCAG 2.1 A/AA rules, one line each. */
	private List<String> axe(String path) {
		// Rows past the tenth of a long table look like the first ten: leaving them out
		// keeps a 1,000-row dashboard from taking ten seconds.
		AxeBuilder builder = new AxeBuilder().withOptions(VIOLATIONS_ONLY)
			.withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.exclude("tbody > tr:nth-child(n+11)")
			.setLegacyMode(true)
			// a busy machine: the dashboard may take a while
			.setTimeout(120);
		// axe is already in every page (see preloadAxe)
		builder.setInjectAxe((driver) -> {
		}, false);
		Results results = builder.analyze(this.browser);
		List<String> found = new ArrayList<>();
		for (Rule rule : results.getViolations()) {
			if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
				Set<String> targets = new LinkedHashSet<>();
				for (CheckedNode node : rule.getNodes()) {
					targets.add(String.valueOf(node.getTarget()));
				}
				found.add(path + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " at "
						+ targets.stream().limit(5).collect(Collectors.joining(", ")));
			}
		}
		return found;
	}

	/** The same-site links matching {@code selector}, as paths with their query. */
	private List<String> links(String selector) {
		@SuppressWarnings("unchecked")
		List<String> hrefs = (List<String>) ((JavascriptExecutor) this.browser).executeScript(
				"return Array.from(document.querySelectorAll(arguments[0])).map(function (a) { return a.href; });",
				selector);
		return hrefs.stream().map(this::pathOf).filter(Objects::nonNull).toList();
	}

	/** The path and query of a same-site link, or null for another site. */
	private String pathOf(String href) {
		if (href == null || href.isBlank()) {
			return null;
		}
		URI uri = URI.create(href.replace(" ", "%20"));
		URI base = URI.create(url("/"));
		if (uri.getHost() != null && (!uri.getHost().equals(base.getHost()) || uri.getPort() != base.getPort())) {
			return null;
		}
		String path = uri.getRawPath();
		if (path == null || path.isEmpty()) {
			return null;
		}
		return (uri.getRawQuery() != null) ? path + "?" + uri.getRawQuery() : path;
	}

	/** One page per path shape: ids and keys replaced, the query dropped. */
	static String shape(String path) {
		String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
		List<String> segments = new ArrayList<>();
		for (String segment : withoutQuery.split("/")) {
			segments.add(ID_SEGMENT.matcher(segment).matches() ? "{id}" : segment);
		}
		return String.join("/", segments);
	}

}
