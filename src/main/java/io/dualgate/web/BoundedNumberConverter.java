package io.dualgate.web;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;

import io.dualgate.shared.Decimals;
import io.dualgate.shared.NumberRefused;

import org.springframework.core.convert.converter.Converter;

/**
 * Every {@link BigDecimal} converted from text goes through the one bounded parser
 * ({@link Decimals#read}): text of at most {@link Decimals#MAX_TEXT} characters in plain
 * or scientific notation, an exponent of at most 9 digits; anything else is refused (a
 * binding error quoting an excerpt). How many digits a field takes is its column's: its
 * {@code @Digits}, built from the same constants, says so next to the field. A blank
 * field is no value. Registered as the conversion service's converter and, for data
 * binding, as the binder's editor ({@link FormBinding}): a binder whose converter fails
 * falls back to its default editor, which would parse any text unbounded.
 */
class BoundedNumberConverter extends PropertyEditorSupport implements Converter<String, BigDecimal> {

	@Override
	public BigDecimal convert(String source) {
		return source.isBlank() ? null : Decimals.read(source);
	}

	@Override
	public void setAsText(String text) {
		try {
			setValue((text != null) ? convert(text) : null);
		}
		catch (NumberRefused ex) {
			// The binder turns this into a field error; FormBinding finds the refusal.
			throw new IllegalArgumentException(ex.messageCode(), ex);
		}
	}

	@Override
	public String getAsText() {
		Object value = getValue();
		return (value instanceof BigDecimal decimal) ? Decimals.text(decimal) : "";
	}

}
