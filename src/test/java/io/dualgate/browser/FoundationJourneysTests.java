package io.dualgate.browser;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What people do first in DualGate, in a real browser: sign in, find the demo prototypes,
 * register one, manage people, read it in Chinese.
 */
class FoundationJourneysTests extends BrowserTest {

	private static final String LOGIN_FAILED = "Invalid username or password";

	@Test
	void wrongPasswordAndUnknownUserGetTheSameMessageThenExplorerSeesTheDemoPrototypes() throws IOException {
		logIn("explorer", "not-the-password");
		String wrongPassword = waitFor(By.cssSelector(".alert-danger")).getText();
		screenshot("login-failed");

		logIn("nobody-by-this-name", "not-the-password");
		String unknownUser = waitFor(By.cssSelector(".alert-danger")).getText();

		assertThat(wrongPassword).contains(LOGIN_FAILED).isEqualTo(unknownUser);

		logInAs("explorer");
		assertThat(this.browser.getCurrentUrl()).endsWith("/prototypes");
		// (other tests' prototypes share the list: the demo ones by a search each)
		for (String demo : new String[] { "Contract Risk Review", "Support Reply Drafts", "Claims Triage Agent" }) {
			open("/prototypes?q=" + demo.replace(' ', '+'));
			assertThat(pageText()).contains(demo);
		}
		open("/prototypes");
		finish("prototypes-explorer");
	}

	@Test
	void explorerRegistersAPrototypeAfterFixingWhatTheFormPointsOut() throws IOException {
		logInAs("explorer");
		click(By.linkText("Register a prototype"));

		fill(By.id("key"), "not a key");
		fill(By.id("name"), "");
		submitMainForm();

		// The messages stand next to their fields, and the fields say they are invalid.
		WebElement keyError = waitFor(By.id("key-error"));
		assertThat(keyError.getText()).contains("capital letters");
		assertThat(this.browser.findElement(By.id("key")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(this.browser.findElement(By.id("name-error")).getText()).isNotBlank();
		screenshot("prototype-form-errors");
		assertNoConsoleErrors();

		String key = "BROWSER-" + ThreadLocalRandom.current().nextInt(1000, 9999);
		fill(By.id("key"), key);
		fill(By.id("name"), "Browser Journey Copilot");
		fill(By.id("problemStatement"), "Account managers retype the same renewal summary for every customer.");
		fill(By.id("vertical"), "Sales");
		new org.openqa.selenium.support.ui.Select(this.browser.findElement(By.id("deliveryPmId")))
			.selectByVisibleText(deliveryPmName());
		submitMainForm();

		assertThat(this.browser.getCurrentUrl()).endsWith("/prototypes/" + key);
		assertThat(waitFor(By.cssSelector(".alert-success")).getText()).contains("Registered Browser Journey Copilot");
		finish("prototype-registered");
	}

	@Test
	void executiveReadsButFindsNoRegisterButton() throws IOException {
		logInAs("executive");
		assertThat(pageText()).contains("Contract Risk Review");
		assertThat(all(By.linkText("Register a prototype"))).isEmpty();
		finish("prototypes-executive");
	}

	@Test
	void adminAddsAPerson() throws IOException {
		logInAs("admin");
		openMenu("Administration");
		click(By.linkText("People"));
		click(By.linkText("Add a person"));

		String username = "browser" + ThreadLocalRandom.current().nextInt(1000, 9999);
		fill(By.id("username"), username);
		fill(By.id("fullName"), "Browser Tester");
		fill(By.id("email"), username + "@example.com");
		this.browser.findElement(By.cssSelector("input[name=roles][value=DELIVERY_PM]")).click();
		fill(By.id("password"), "short");
		submitMainForm();
		assertThat(waitFor(By.id("password-error")).getText()).isNotBlank();
		screenshot("user-form-errors");

		fill(By.id("password"), "a-long-enough-password");
		submitMainForm();

		assertThat(this.browser.getCurrentUrl()).endsWith("/admin/users");
		assertThat(waitFor(By.cssSelector(".alert-success")).getText()).contains("Added " + username);
		assertThat(pageText()).contains("Browser Tester");
		finish("user-added");
	}

	@Test
	void switchingToChineseShowsChineseText() throws IOException {
		logInAs("explorer");
		click(By.linkText("中文"));

		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("原型");
		assertThat(this.browser.findElement(By.tagName("html")).getAttribute("lang")).startsWith("zh");
		assertThat(pageText()).contains("登记原型", "退出");

		// The choice is remembered on the next page.
		open("/profile");
		assertThat(pageText()).contains("退出");
		finish("prototypes-chinese");
	}

	private String deliveryPmName() {
		return this.browser.findElements(By.cssSelector("#deliveryPmId option"))
			.stream()
			.map(WebElement::getText)
			.filter((name) -> !name.isBlank() && !name.startsWith("Choose"))
			.findFirst()
			.orElseThrow();
	}

}
