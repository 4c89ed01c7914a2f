package io.dualgate;

import org.mockito.Mockito;
import org.mockito.stubbing.Answer;

import org.springframework.test.context.bean.override.mockito.MockReset;

/**
 * Mocks of the services behind the controllers of {@link WebSliceTest}: beans of the one
 * slice context all slice tests share, reset after each test like a {@code @MockitoBean}.
 * A test stubs them after {@code @Autowired}.
 */
public final class SliceMocks {

	private SliceMocks() {
	}

	public static <T> T mock(Class<T> type) {
		return Mockito.mock(type, MockReset.withSettings(MockReset.AFTER));
	}

	public static <T> T mock(Class<T> type, Answer<?> defaultAnswer) {
		return Mockito.mock(type, MockReset.withSettings(MockReset.AFTER).defaultAnswer(defaultAnswer));
	}

}
