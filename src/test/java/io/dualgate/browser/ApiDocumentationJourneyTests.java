package io.dualgate.browser;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI works under the application's Content-Security-Policy (no inline scripts or
 * styles): it draws the DualGate API with its operations, and the console reports no
 * blocked script or style.
 */
class ApiDocumentationJourneyTests extends BrowserTest {

	@Test
	void aSignedInPersonReadsTheApiInSwaggerUi() throws IOException {
		logInAs("deliverer");
		open("/swagger-ui.html");
		new WebDriverWait(this.browser, Duration.ofSeconds(20)).until(ExpectedConditions
			.textToBePresentInElementLocated(By.cssSelector(".swagger-ui .info"), "DualGate API"));
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-summary-path")));
		assertThat(pageText()).contains("/api/v1/alignment", "/api/v1/gates/{id}", "Authorize");
		finish("swagger-ui");
	}

}
