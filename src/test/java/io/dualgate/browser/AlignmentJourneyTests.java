package io.dualgate.browser;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The executive's Monday look at the alignment dashboard, in a real browser: every chart
 * draws (Chart.js attached an instance and painted pixels), and the console stays clean.
 */
class AlignmentJourneyTests extends BrowserTest {

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
