package io.dualgate.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The one link check (TRUST 32): every stored URL is an absolute http or https link with
 * a host.
 */
class WebLinksTests {

	@Test
	void httpAndHttpsLinksWithAHostPass() {
		assertThat(WebLinks.isWebLink("https://evidence.example/white-paper.pdf")).isTrue();
		assertThat(WebLinks.isWebLink("http://wiki.example:8080/x?y=1#z")).isTrue();
		assertThat(WebLinks.isWebLink("HTTPS://EVIDENCE.EXAMPLE/")).isTrue();
		assertThat(WebLinks.isWebLink("  https://evidence.example/  ")).isTrue();
		assertThat(WebLinks.require("evidenceUrl", " https://evidence.example/a "))
			.isEqualTo("https://evidence.example/a");
		assertThat(WebLinks.require("evidenceUrl", "  ")).isNull();
	}

	@Test
	void scriptsDataFilesAndRelativeLinksAreRefusedNamingTheField() {
		for (String url : new String[] { "javascript:alert(document.domain)", "JavaScript:alert(1)",
				" javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox", "file:///etc/passwd",
				"ftp://files.example/x" }) {
			assertThat(WebLinks.isWebLink(url)).as(url).isFalse();
			InvalidFieldException refused = assertThatExceptionOfType(InvalidFieldException.class)
				.isThrownBy(() -> WebLinks.require("evidenceUrl", url))
				.actual();
			assertThat(refused.field()).isEqualTo("evidenceUrl");
			assertThat(refused.messageCode()).isEqualTo("link.scheme");
		}
		for (String url : new String[] { "/relative/path", "evidence.example/x", "https:///no-host", "https://",
				"https://user:secret@evidence.example/", "https://evidence.example/a b", "not a link" }) {
			assertThat(WebLinks.isWebLink(url)).as(url).isFalse();
		}
	}

	@Test
	void aLinkLongerThanTheColumnIsRefused() {
		String url = "https://evidence.example/" + "a".repeat(WebLinks.MAX_LENGTH);
		assertThat(WebLinks.isWebLink(url)).isFalse();
		assertThat(assertThatExceptionOfType(InvalidFieldException.class).isThrownBy(() -> WebLinks.require("url", url))
			.actual()
			.messageCode()).isEqualTo("link.tooLong");
	}

}
