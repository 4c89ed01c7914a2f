package io.dualgate.browser;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import io.dualgate.gate.GateView;
import io.dualgate.gate.Gates;
import io.dualgate.gate.ItemView;
import io.dualgate.gate.Track;
import io.dualgate.gate.checklist.Answer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bell and delegation in a real browser, in English and in Chinese: a PM sees the
 * unread count, reads the inbox and clears it; a PM delegates their track on the profile
 * page and the delegate signs on their behalf, which the gate page says.
 */
class NotificationAndDelegationJourneysTests extends BrowserTest {

	@Autowired
	Gates gates;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void theBellCountsANewGateTheInboxShowsItAndMarkingItReadClearsTheCount() throws IOException {
		String explorer = person("bexp", "EXPLORATION_PM");
		String deliverer = person("bdel", "DELIVERY_PM");
		String key = prototype(explorer, deliverer);
		long gateId = this.gates.open(key, userId(explorer)).id();

		logInAs(explorer);
		new WebDriverWait(this.browser, Duration.ofSeconds(20)).until((driver) -> {
			driver.navigate().refresh();
			return !driver.findElements(By.id("bell-count")).isEmpty();
		});
		assertThat(this.browser.findElement(By.id("bell-count")).getText()).isEqualTo("1");
		screenshot("bell-unread");

		click(By.id("bell"));
		assertThat(this.browser.getCurrentUrl()).endsWith("/notifications");
		assertThat(pageText()).contains("Gate #" + gateId + " for Journey " + key + " is open");
		screenshot("notifications-inbox");

		click(By.cssSelector("main .dg-unread button.btn-outline-primary"));
		assertThat(all(By.id("bell-count"))).isEmpty();
		assertThat(this.browser.findElement(By.id("bell")).getAttribute("aria-label"))
			.isEqualTo("0 unread notifications");

		click(By.linkText("中文"));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("通知");
		assertThat(pageText()).contains("门禁 #" + gateId, "已开启");
		finish("notifications-inbox-zh");
	}

	@Test
	void aPmDelegatesOnTheProfileAndTheDelegateSignsOnTheirBehalf() throws IOException {
		String pmA = person("dgA", "EXPLORATION_PM");
		String pmB = person("dgB", "EXPLORATION_PM");
		String key = prototype(pmA, "deliverer");
		long gateId = this.gates.open(key, userId(pmA)).id();
		answerAll(gateId, Track.TECHNICAL, pmA);

		logInAs(pmA);
		open("/profile");
		new Select(this.browser.findElement(By.id("track"))).selectByValue("TECHNICAL");
		fill(By.id("delegate"), pmB);
		LocalDateTime until = LocalDateTime.now(ZoneOffset.UTC).plusDays(7).truncatedTo(ChronoUnit.MINUTES);
		((JavascriptExecutor) this.browser).executeScript("arguments[0].value = arguments[1];",
				this.browser.findElement(By.id("until")), until.toString());
		fill(By.id("reason"), "Conference week");
		click(By.id("delegate-submit"));
		assertThat(waitFor(By.cssSelector(".alert-success")).getText()).contains("Delegation #");
		assertThat(this.browser.findElement(By.id("delegation-list")).getText()).contains("Journey " + pmB, "Running",
				"Conference week");
		screenshot("delegation-profile");
		click(By.cssSelector("form[action$='/logout'] button"));

		logInAs(pmB);
		open("/gates/" + gateId);
		click(By.cssSelector("#track-TECHNICAL a.btn-primary"));
		assertThat(this.browser.findElement(By.id("on-behalf")).getText())
			.startsWith("You sign on behalf of Journey " + pmA + ", under delegation #");
		tick(this.browser.findElement(By.cssSelector("input[name=meaning][value=APPROVE]")));
		fill(By.id("password"), DEMO_PASSWORD);
		WebElement confirmed = this.browser.findElement(By.cssSelector("input[type=checkbox][name=confirmed]"));
		if (!confirmed.isSelected()) {
			tick(confirmed);
		}
		submitMainForm();
		assertThat(waitFor(By.cssSelector(".alert-success")).getText()).contains("waits for the other track");
		assertThat(this.browser.findElement(By.id("signature-TECHNICAL")).getText())
			.contains("Signed by Journey " + pmB + " on behalf of Journey " + pmA, "Conference week");
		screenshot("gate-signed-on-behalf");

		click(By.linkText("中文"));
		assertThat(this.browser.findElement(By.id("signature-TECHNICAL")).getText())
			.contains("由 Journey " + pmB + " 代 Journey " + pmA + " 签署");
		screenshot("gate-signed-on-behalf-zh");
		open("/profile#delegations");
		assertThat(this.browser.findElement(By.id("delegations")).getText()).contains("签署授权", "生效中");
		finish("delegation-profile-zh");
	}

	private void tick(WebElement box) {
		((JavascriptExecutor) this.browser)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", box);
		box.click();
	}

	private String prototype(String explorationPm, String deliveryPm) {
		String key = "NJ-" + ThreadLocalRandom.current().nextInt(10000, 99999);
		this.jdbc.sql("""
				insert into prototype (key, name, problem_statement, vertical, exploration_pm_id, delivery_pm_id, stage)
				values (?, ?, 'A browser journey problem', 'Testing', ?, ?, 'PROTOTYPE')""")
			.params(key, "Journey " + key, userId(explorationPm), userId(deliveryPm))
			.update();
		return key;
	}

	private String person(String prefix, String role) {
		String username = prefix + ThreadLocalRandom.current().nextInt(100000, 999999);
		long id = this.jdbc.sql("""
				insert into app_user (username, full_name, email, password_hash, reporting_line)
				values (?, ?, ?, ?, 'CPO') returning id""")
			.params(username, "Journey " + username, username + "@test.example",
					this.passwordEncoder.encode(DEMO_PASSWORD))
			.query(Long.class)
			.single();
		this.jdbc.sql("insert into user_role (user_id, role) values (?, ?)").params(id, role).update();
		return username;
	}

	private void answerAll(long gateId, Track track, String username) {
		GateView gate = this.gates.get(gateId);
		for (ItemView item : gate.track(track).items()) {
			Answer answer = switch (item.kind()) {
				case ATTESTATION -> Answer.yes(true);
				case EVIDENCE_LINK -> Answer.link("https://evidence.example/" + item.code());
				case MEASURE -> new Answer(null, switch (item.comparator()) {
					case ">=", "<=" -> item.threshold();
					case ">" -> item.threshold().add(BigDecimal.ONE);
					default -> item.threshold().subtract(new BigDecimal("0.01"));
				}, null);
				case COMPUTED -> null; // computed from data, never answered
			};
			if (answer == null) {
				continue;
			}
			this.gates.answer(gateId, track, item.code(), answer, null, userId(username), "API");
		}
	}

	private long userId(String username) {
		return this.jdbc.sql("select id from app_user where lower(username) = lower(?)")
			.param(username)
			.query(Long.class)
			.single();
	}

}
