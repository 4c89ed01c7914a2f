package io.dualgate.notifications;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns a stored notification into words in the reader's language. Arguments are kept as
 * text; one written {@code @msg:<code>} (a track, a stage) is itself a message, so it
 * reads in the reader's language too.
 */
@Component
class NotificationTexts {

	static final String SEPARATOR = "\u001f";

	static final String MESSAGE_PREFIX = "@msg:";

	/** Longest argument kept: nothing user-supplied goes unbounded into a message. */
	static final int MAX_ARGUMENT = 300;

	private final MessageSource messages;

	NotificationTexts(MessageSource messages) {
		this.messages = messages;
	}

	static String encode(List<?> arguments) {
		StringBuilder text = new StringBuilder();
		for (Object argument : arguments) {
			if (text.length() > 0) {
				text.append(SEPARATOR);
			}
			String value = (argument != null) ? String.valueOf(argument).replace(SEPARATOR, " ") : "";
			text.append((value.length() > MAX_ARGUMENT) ? value.substring(0, MAX_ARGUMENT - 1) + "…" : value);
		}
		return text.toString();
	}

	static String message(String code) {
		return MESSAGE_PREFIX + code;
	}

	String text(NotificationType type, String encodedArguments, Locale locale) {
		return this.messages.getMessage("notification.text." + type, arguments(encodedArguments, locale), locale);
	}

	String subject(NotificationType type, String encodedArguments, Locale locale) {
		return this.messages.getMessage("notification.subject." + type, arguments(encodedArguments, locale), locale);
	}

	String message(String code, Locale locale, Object... arguments) {
		return this.messages.getMessage(code, arguments, locale);
	}

	private Object[] arguments(String encoded, Locale locale) {
		if (encoded == null || encoded.isEmpty()) {
			return new Object[0];
		}
		return Arrays.stream(encoded.split(SEPARATOR, -1))
			.map((argument) -> argument.startsWith(MESSAGE_PREFIX)
					? this.messages.getMessage(argument.substring(MESSAGE_PREFIX.length()), null,
							argument.substring(MESSAGE_PREFIX.length()), locale)
					: argument)
			.toArray();
	}

}
