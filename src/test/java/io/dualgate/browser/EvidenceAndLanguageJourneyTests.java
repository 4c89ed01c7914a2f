package io.dualgate.browser;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a PM does on the prototype page and in a filtered list: reads each metric's trend
 * beside its latest value, opens the figures behind the lines, downloads the evidence as
 * a spreadsheet, and switches language without losing the filter.
 */
class EvidenceAndLanguageJourneyTests extends BrowserTest {

	@Test
	void theLanguageSwitchKeepsTheFilterOfAList() throws IOException {
		logInAs("explorer");
		open("/prototypes?stage=POC&q=&lang=en");
		click(By.linkText("中文"));
		assertThat(this.browser.getCurrentUrl()).contains("stage=POC").contains("lang=zh-CN");
		assertThat(new Select(this.browser.findElement(By.id("stage"))).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("POC");
		assertThat(this.browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
		screenshot("language-switch-filtered-zh");
		click(By.linkText("English"));
		assertThat(this.browser.getCurrentUrl()).contains("stage=POC").contains("lang=en");
		assertThat(new Select(this.browser.findElement(By.id("stage"))).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("POC");
		finish("language-switch-filtered-en");
	}

	@Test
	void eachMetricShowsItsTrendAndTheEvidenceDownloadsAsCsvAndJson() throws IOException {
		logInAs("explorer");
		open("/prototypes/CLAIMS-TRIAGE");
		waitFor(By.id("evidence-table"));
		JavascriptExecutor js = (JavascriptExecutor) this.browser;
		List<WebElement> lines = all(By.cssSelector("#evidence-table canvas.dg-spark"));
		assertThat(lines).hasSizeGreaterThanOrEqualTo(5);
		int trends = 0;
		for (WebElement line : lines) {
			assertThat(line.getAttribute("data-rendered")).isEqualTo("true");
			Number points = (Number) js
				.executeScript("return Chart.getChart(arguments[0]).data.datasets[0].data.length;", line);
			assertThat(points.intValue()).as(line.getAttribute("aria-label")).isPositive();
			trends += (points.intValue() > 1) ? 1 : 0;
		}
		// most metrics are observed daily: a line, not a dot
		assertThat(trends).isGreaterThanOrEqualTo(5);
		// the date of the latest value stays on one line
		WebElement date = this.browser.findElement(By.cssSelector("#evidence-table tbody tr td.text-nowrap"));
		assertThat(js.executeScript("return getComputedStyle(arguments[0]).whiteSpace;", date)).isEqualTo("nowrap");
		screenshot("evidence-trends");

		// the figures behind the lines, a click away
		click(By.cssSelector("#evidence details summary"));
		List<WebElement> rows = all(By.cssSelector("#evidence-trend-table tbody tr"));
		assertThat(rows).hasSizeGreaterThan(30);
		assertThat(rows.get(0).getText()).containsPattern("\\d{4}-\\d{2}-\\d{2}").containsPattern("\\d+\\.?\\d*");

		// named for people; CSV in the columns the upload takes, JSON for programs
		assertThat(this.browser.findElement(By.id("evidence-csv")).getText())
			.isEqualTo("Download all observations (CSV, for spreadsheets)");
		String csv = (String) js.executeAsyncScript(
				"var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(function (r) { return r.text(); }).then(done);",
				this.browser.findElement(By.id("evidence-csv")).getAttribute("href"));
		assertThat(csv).startsWith("prototype,metric,date,value\n").contains("\nCLAIMS-TRIAGE,");
		assertThat(csv.lines().count()).isGreaterThan(100);
		Object json = js.executeAsyncScript(
				"var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(function (r) { return r.json(); }).then(function (j) { done(j.length); });",
				this.browser.findElement(By.id("evidence-json")).getAttribute("href"));
		assertThat(((Number) json).longValue()).isEqualTo(csv.lines().count() - 1);
		finish("evidence-trend-table");
	}

}
