package io.dualgate.browser;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The executive's Monday look at the alignment dashboard, in a real browser: every chart
 * draws (Chart.js attached an instance and painted pixels), and the console stays clean.
 */
class AlignmentJourneyTests extends BrowserTest {

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

	/**
	 * At 1440x900 the answer is on the first screen: each headline tile lies within the
	 * viewport and carries its figure and its target.
	 */
	@Test
	void executiveSeesTheHeadlineFiguresOnTheFirstScreen() throws IOException {
		viewport(1440, 900);
		logInAs("executive");
		open("/alignment");
		waitFor(By.id("headline"));
		JavascriptExecutor js = (JavascriptExecutor) this.browser;
		assertThat(((Number) js.executeScript("return window.innerHeight;")).intValue()).isEqualTo(900);
		Map<String, List<String>> expected = Map.of("headline-alignment", List.of("r = ", "0.85"), "headline-funnel",
				List.of("11.7 %", "5 %"), "headline-gates", List.of("SLA 48 h"), "headline-cycle",
				List.of("8.4", "14.2"));
		expected.forEach((id, texts) -> {
			WebElement tile = this.browser.findElement(By.id(id));
			Number bottom = (Number) js.executeScript("return arguments[0].getBoundingClientRect().bottom;", tile);
			assertThat(bottom.doubleValue()).as("%s ends within the first 900 px", id).isLessThanOrEqualTo(900);
			assertThat(tile.getText()).as(id).contains(texts);
			assertThat(tile.findElements(By.cssSelector(".dg-figure"))).as("%s has its figures", id)
				.isNotEmpty()
				.allSatisfy((figure) -> assertThat(figure.getText()).containsPattern(NUMBER));
		});
		// every pair has its r and a verdict by icon and text
		List<WebElement> pairs = all(By.cssSelector("#headline-alignment .dg-headline-item"));
		assertThat(pairs).hasSizeGreaterThanOrEqualTo(3).allSatisfy((pair) -> {
			assertThat(pair.getText()).containsPattern("r = -?\\d\\.\\d\\d");
			assertThat(pair.findElement(By.cssSelector(".dg-verdict svg.dg-icon")).isDisplayed()).isTrue();
		});
		screenshot("alignment-first-screen");
		open("/alignment?lang=zh-CN");
		waitFor(By.id("headline"));
		assertThat(this.browser.findElement(By.id("headline-gates")).getText()).contains("SLA 48 小时");
		finish("alignment-first-screen-zh");
	}

	/**
	 * Every table on the dashboard, collapsed ones included, shows numbers; the weekly
	 * means and the funnel tables show exactly what their charts draw.
	 */
	@Test
	void everyTableShowsTheFiguresItsChartDraws() throws IOException {
		logInAs("executive");
		// a demo prototype with a year of observations (other journeys add prototypes
		// without any, which may come first in the list)
		open("/alignment?prototype=CLAIMS-TRIAGE");
		waitFor(By.id("funnel-chart"));
		openAllDetails();
		List<WebElement> tables = all(By.cssSelector("#alignment-body table"));
		assertThat(tables).hasSizeGreaterThanOrEqualTo(10);
		for (WebElement table : tables) {
			List<String> cells = table.findElements(By.cssSelector("tbody td"))
				.stream()
				.map(WebElement::getText)
				.toList();
			assertThat(cells).as("table %s shows numbers", table.getAttribute("id"))
				.anySatisfy((cell) -> assertThat(cell).containsPattern(NUMBER));
		}
		JavascriptExecutor js = (JavascriptExecutor) this.browser;
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> datasets = (List<Map<String, Object>>) js.executeScript("""
				return Chart.getChart(document.getElementById('series-chart')).data.datasets.map(function (d) {
				  return { metric: d.label, points: d.data.map(function (p) { return [p.x, p.y]; }) };
				});""");
		assertThat(datasets).isNotEmpty();
		Map<String, String> cells = new HashMap<>();
		for (WebElement row : all(By.cssSelector("#series-table tbody tr"))) {
			String week = row.findElement(By.cssSelector("th")).getText();
			for (WebElement cell : row.findElements(By.cssSelector("td"))) {
				cells.put(week + "|" + cell.getAttribute("data-metric"), cell.getText());
			}
		}
		int compared = 0;
		for (Map<String, Object> dataset : datasets) {
			@SuppressWarnings("unchecked")
			List<List<Object>> points = (List<List<Object>>) dataset.get("points");
			for (List<Object> point : points) {
				String cell = cells.get(point.get(0) + "|" + dataset.get("metric"));
				assertThat(cell).as("%s in week %s", dataset.get("metric"), point.get(0)).containsPattern(NUMBER);
				assertThat(Double.parseDouble(cell.replace(",", "")))
					.as("%s in week %s", dataset.get("metric"), point.get(0))
					.isCloseTo(((Number) point.get(1)).doubleValue(), within(0.0051));
				compared++;
			}
		}
		assertThat(compared).isGreaterThan(50);
		@SuppressWarnings("unchecked")
		List<Number> reached = (List<Number>) js
			.executeScript("return Chart.getChart(document.getElementById('funnel-chart')).data.datasets[0].data;");
		assertThat(all(By.cssSelector("#funnel-table td.dg-reached")).stream().map(WebElement::getText))
			.containsExactlyElementsOf(reached.stream().map((n) -> String.valueOf(n.longValue())).toList());
		finish("alignment-tables-open");
	}

	@Test
	void executiveOpensTheDashboardAndEveryChartDraws() throws IOException {
		logInAs("executive");
		click(By.linkText("Alignment"));
		assertThat(this.browser.getCurrentUrl()).endsWith("/alignment");
		waitFor(By.id("funnel-chart"));

		List<WebElement> canvases = all(By.cssSelector("canvas.dg-chart"));
		List<String> ids = canvases.stream().map((canvas) -> canvas.getAttribute("id")).toList();
		// the three pairs, the time series, the funnel, gate response times and the
		// maturity heat map
		assertThat(ids).contains("funnel-chart", "gate-chart", "grid-chart").hasSizeGreaterThanOrEqualTo(6);
		JavascriptExecutor js = (JavascriptExecutor) this.browser;
		for (WebElement canvas : canvases) {
			String id = canvas.getAttribute("id");
			assertThat(canvas.getAttribute("data-rendered")).as("%s drawn", id).isEqualTo("true");
			Object chart = js.executeScript("return Chart.getChart(arguments[0]) != null;", canvas);
			assertThat(chart).as("%s has a Chart instance", id).isEqualTo(Boolean.TRUE);
			// some non-transparent pixel: the chart actually painted
			Object painted = js.executeScript("""
					var c = arguments[0], d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
					for (var i = 3; i < d.length; i += 4) { if (d[i] !== 0) { return true; } }
					return false;""", canvas);
			assertThat(painted).as("%s has pixels", id).isEqualTo(Boolean.TRUE);
		}
		assertThat(pageText()).contains("Gate performance", "AGI commercialisation maturity matrix",
				"Exploration PMs: robustness pass rate");
		js.executeScript("document.getElementById('gate-performance').scrollIntoView({behavior: 'instant'});");
		screenshot("alignment-gates");
		js.executeScript("document.getElementById('maturity-grid').scrollIntoView({behavior: 'instant'});");
		screenshot("alignment-grid");
		// the whole page in one picture: a window as tall as the document
		Number height = (Number) js.executeScript("return document.documentElement.scrollHeight;");
		this.browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, height.intValue() + 100));
		finish("alignment-executive");
	}

}
