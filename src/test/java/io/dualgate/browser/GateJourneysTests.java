package io.dualgate.browser;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.dualgate.gate.GateStatus;
import io.dualgate.gate.GateView;
import io.dualgate.gate.Gates;
import io.dualgate.gate.ItemView;
import io.dualgate.gate.Meaning;
import io.dualgate.gate.SignCommand;
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
 * The dual-sign gate in a real browser: an Exploration PM opens a gate and signs the
 * technical track, a Delivery PM signs the commercial track and the prototype moves to
 * POC, and the two ways a signature is refused (a stale form, a wrong password) say why.
 * Every journey makes its own prototype, so no demo gate state is needed.
 */
class GateJourneysTests extends BrowserTest {

	private static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	Gates gates;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void explorationPmOpensAGateAnswersTheTechnicalItemsAndSignsTheTechnicalTrack() throws IOException {
		logInAs("explorer");
		click(By.linkText("Register a prototype"));
		String key = newKey("GJA");
		fill(By.id("key"), key);
		fill(By.id("name"), "Gate Journey Assistant " + key);
		fill(By.id("problemStatement"), "Reviewers re-read every contract clause by hand.");
		fill(By.id("vertical"), "Legal");
		new Select(this.browser.findElement(By.id("deliveryPmId"))).selectByVisibleText(fullName("deliverer"));
		submitMainForm();
		assertThat(this.browser.getCurrentUrl()).endsWith("/prototypes/" + key);

		click(By.xpath("//button[normalize-space()='Open the next dual-sign gate']"));
		assertThat(this.browser.getCurrentUrl()).matches(".*/gates/\\d+$");
		assertThat(waitFor(By.cssSelector(".alert-success")).getText()).contains("Gate opened");
		long gateId = Long.parseLong(this.browser.getCurrentUrl().replaceAll(".*/gates/(\\d+)$", "$1"));

		answerInBrowser(gateId, Track.TECHNICAL);
		assertThat(this.gates.get(gateId).track(Track.TECHNICAL).approvable()).isTrue();
		screenshot("gate-technical-answered");

		click(By.cssSelector("#track-TECHNICAL a.btn-primary"));
		signInBrowser(DEMO_PASSWORD);

		assertThat(waitFor(By.cssSelector(".alert-success")).getText()).contains("The gate waits for the other track");
		String technical = this.browser.findElement(By.id("signature-TECHNICAL")).getText();
		assertThat(technical).contains("Valid signature", fullName("explorer"), "UTC");
		assertThat(this.browser.findElement(By.id("signature-COMMERCIAL")).getText()).contains("Awaiting signature");
		// The same person never signs both tracks: no sign button on the commercial
		// track.
		assertThat(all(By.cssSelector("#track-COMMERCIAL a.btn-primary"))).isEmpty();
		GateView gate = this.gates.get(gateId);
		assertThat(gate.status()).isEqualTo(GateStatus.OPEN);
		assertThat(gate.track(Track.TECHNICAL).signed()).isTrue();
		finish("gate-technical-signed");
	}

	@Test
	void deliveryPmSignsTheCommercialTrackTheRecordShowsBothSignaturesAndThePrototypeIsAtPoc() throws IOException {
		String key = prototype("explorer", "deliverer");
		long gateId = this.gates.open(key, userId("explorer")).id();
		answerAll(gateId, Track.TECHNICAL, "explorer");
		signDirectly(gateId, Track.TECHNICAL, "explorer");

		logInAs("deliverer");
		open("/gates/" + gateId);
		answerInBrowser(gateId, Track.COMMERCIAL);
		click(By.cssSelector("#track-COMMERCIAL a.btn-primary"));
		assertThat(pageText()).contains("Commercial Readiness Confirmation");
		screenshot("gate-commercial-sign-form");
		signInBrowser(DEMO_PASSWORD);

		assertThat(waitFor(By.cssSelector(".alert-success")).getText()).contains("Both tracks are approved");
		assertThat(pageText()).contains("Approved");
		screenshot("gate-approved");

		open("/prototypes/" + key);
		assertThat(this.browser.findElement(By.tagName("main")).getText()).contains("POC");
		assertThat(this.jdbc.sql("select stage from prototype where key = ?").param(key).query(String.class).single())
			.isEqualTo("POC");

		open("/gates/" + gateId + "/record");
		String record = pageText();
		assertThat(record).contains(fullName("explorer"), fullName("deliverer"), "Approved");
		GateView gate = this.gates.get(gateId);
		for (Track track : Track.values()) {
			assertThat(gate.track(track).validSignature()).isNotNull();
			assertThat(record).contains(gate.track(track).validSignature().contentHash());
		}
		finish("gate-record-both-signatures");
	}

	@Test
	void aStaleSignFormAndAWrongPasswordEachSayWhatWentWrong() throws IOException {
		// A person of their own: the wrong password counts towards their lock-out only.
		String explorer = person("gjexplorer", "EXPLORATION_PM");
		String key = prototype(explorer, "deliverer");
		long gateId = this.gates.open(key, userId(explorer)).id();
		answerAll(gateId, Track.TECHNICAL, explorer);

		logIn(explorer, DEMO_PASSWORD);
		open("/gates/" + gateId + "/tracks/TECHNICAL/sign");
		// Meanwhile, in another session, an answer changes.
		ItemView measured = this.gates.get(gateId)
			.track(Track.TECHNICAL)
			.items()
			.stream()
			.filter((item) -> item.kind().name().equals("MEASURE"))
			.findFirst()
			.orElseThrow();
		this.gates.answer(gateId, Track.TECHNICAL, measured.code(), new Answer(null, passingValue(measured), null),
				null, userId(explorer), "API");
		signInBrowser(DEMO_PASSWORD);
		assertThat(waitFor(By.id("sign-errors")).getText())
			.contains("Someone else changed this gate while you had this form open");
		assertThat(this.gates.get(gateId).track(Track.TECHNICAL).signed()).isFalse();
		// The form now shows the current answers, with their hash.
		assertThat(pageText()).contains(this.gates.get(gateId).track(Track.TECHNICAL).contentHash());
		screenshot("gate-sign-stale-form");
		// The stale form's answer is a 409, which Chromium notes; nothing else may be
		// there.
		assertThat(consoleErrors()).allMatch((error) -> error.contains("status of 409"));

		signInBrowser("not-my-password");
		// Said at the top, where the signer looks, and at the field.
		assertThat(waitFor(By.id("sign-errors")).getText()).contains("Not signed", "The password is wrong");
		WebElement passwordError = this.browser.findElement(By.id("password-error"));
		assertThat(passwordError.getText()).contains("The password is wrong");
		assertThat(this.browser.findElement(By.id("password")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(this.gates.get(gateId).track(Track.TECHNICAL).signed()).isFalse();
		screenshot("gate-sign-wrong-password");
		assertNoConsoleErrors();

		// Checked and signed again with the right password, the signature holds.
		signInBrowser(DEMO_PASSWORD);
		assertThat(waitFor(By.cssSelector(".alert-success")).getText()).contains("Signed");
		assertThat(this.gates.get(gateId).track(Track.TECHNICAL).signed()).isTrue();
		finish("gate-sign-after-refusals");
	}

	// --- in the browser

	/** Answers every item of a track so that it passes, through the gate page's forms. */
	private void answerInBrowser(long gateId, Track track) {
		for (ItemView item : this.gates.get(gateId).track(track).items()) {
			String id = track + "-" + item.code();
			switch (item.kind()) {
				case ATTESTATION -> new Select(this.browser.findElement(By.id("yes-" + id))).selectByValue("true");
				case MEASURE -> fill(By.id("value-" + id), passingValue(item).toPlainString());
				case EVIDENCE_LINK -> fill(By.id("url-" + id), "https://evidence.example/" + item.code());
				case COMPUTED -> {
					continue; // computed from data, never answered
				}
			}
			click(By.cssSelector("#item-" + id + " button[type=submit]"));
			// htmx swaps the track's card: wait for the computed verdict.
			new WebDriverWait(this.browser, Duration.ofSeconds(10))
				.until((driver) -> !driver.findElements(By.cssSelector("#item-" + id + " .dg-pass")).isEmpty());
		}
	}

	private void signInBrowser(String password) {
		tick(this.browser.findElement(By.cssSelector("input[name=meaning][value=APPROVE]")));
		fill(By.id("password"), password);
		WebElement confirmed = this.browser.findElement(By.cssSelector("input[type=checkbox][name=confirmed]"));
		if (!confirmed.isSelected()) {
			tick(confirmed);
		}
		submitMainForm();
	}

	/**
	 * Ticks a radio button or check box, scrolled into the middle of the window first.
	 */
	private void tick(WebElement box) {
		((JavascriptExecutor) this.browser)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", box);
		box.click();
	}

	// --- set up behind the scenes

	private String newKey(String prefix) {
		return prefix + "-" + counter.incrementAndGet() + ThreadLocalRandom.current().nextInt(1000, 9999);
	}

	private String prototype(String explorationPm, String deliveryPm) {
		String key = newKey("GJ");
		this.jdbc.sql("""
				insert into prototype (key, name, problem_statement, vertical, exploration_pm_id, delivery_pm_id, stage)
				values (?, ?, 'A browser journey problem', 'Testing', ?, ?, 'PROTOTYPE')""")
			.params(key, "Journey " + key, userId(explorationPm), userId(deliveryPm))
			.update();
		return key;
	}

	private String person(String prefix, String role) {
		String username = prefix + counter.incrementAndGet() + ThreadLocalRandom.current().nextInt(1000, 9999);
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
		for (ItemView item : this.gates.get(gateId).track(track).items()) {
			Answer answer = switch (item.kind()) {
				case ATTESTATION -> Answer.yes(true);
				case EVIDENCE_LINK -> Answer.link("https://evidence.example/" + item.code());
				case MEASURE -> new Answer(null, passingValue(item), null);
				case COMPUTED -> null; // computed from data, never answered
			};
			if (answer == null) {
				continue;
			}
			this.gates.answer(gateId, track, item.code(), answer, null, userId(username), "API");
		}
	}

	private void signDirectly(long gateId, Track track, String username) {
		GateView gate = this.gates.get(gateId);
		this.gates.sign(gateId, track, new SignCommand(Meaning.APPROVE, null, gate.track(track).contentHash(),
				gate.version(), DEMO_PASSWORD, true), userId(username));
	}

	/**
	 * A value that passes the item's threshold; a different one each call, so answers
	 * change.
	 */
	private static BigDecimal passingValue(ItemView item) {
		BigDecimal nudge = new BigDecimal("0.00" + ThreadLocalRandom.current().nextInt(1, 9));
		return switch (item.comparator()) {
			case ">=", ">" -> item.threshold().add(nudge);
			default -> item.threshold().subtract(nudge);
		};
	}

	private long userId(String username) {
		return this.jdbc.sql("select id from app_user where lower(username) = lower(?)")
			.param(username)
			.query(Long.class)
			.single();
	}

	private String fullName(String username) {
		return this.jdbc.sql("select full_name from app_user where lower(username) = lower(?)")
			.param(username)
			.query(String.class)
			.single();
	}

}
