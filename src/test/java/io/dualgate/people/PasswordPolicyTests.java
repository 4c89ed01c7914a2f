package io.dualgate.people;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	@Test
	void refusesElevenCharactersAndAcceptsTwelve() {
		assertThat(PasswordPolicy.violation("a".repeat(11), "someone")).contains("password.tooShort");
		assertThat(PasswordPolicy.violation("a".repeat(12), "someone")).isEmpty();
	}

	@Test
	void acceptsOneHundredTwentyEightAndRefusesMore() {
		assertThat(PasswordPolicy.violation("b".repeat(128), "someone")).isEmpty();
		assertThat(PasswordPolicy.violation("b".repeat(129), "someone")).contains("password.tooLong");
	}

	@Test
	void countsCharactersAsPeopleDo() {
		// Twelve CJK characters are twelve characters, whatever their UTF-16 length.
		assertThat(PasswordPolicy.violation("双签门禁双签门禁双签门禁", "someone")).isEmpty();
		assertThat(PasswordPolicy.violation("😀".repeat(11), "someone")).contains("password.tooShort");
	}

	@Test
	void refusesTheUsernameAsPassword() {
		assertThat(PasswordPolicy.violation("averylongusername", "AVeryLongUsername"))
			.contains("password.sameAsUsername");
	}

}
