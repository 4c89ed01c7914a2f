package io.dualgate.gate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dualgate.people.People;
import io.dualgate.people.Person;
import io.dualgate.people.ReportingLine;
import io.dualgate.people.Role;
import io.dualgate.portfolio.Portfolio;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.portfolio.Stage;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Gates as pages and the API see them ({@link GateView}), built by the real aggregate and
 * the real view mapping without a database, for {@code @WebMvcTest} slices: gate 42 of
 * prototype CONTRACT-RISK (id 7), explorer (id 1, Lin Wei) on the technical track and
 * deliverer (id 2, Maria Santos) on the commercial track, opened at {@link #OPENED}.
 */
public final class SampleGates {

	public static final Instant OPENED = GateTests.T0;

	public static final long ID = 42;

	public static final long EXPLORER_ID = GateTests.EXPLORER.id();

	public static final long DELIVERER_ID = GateTests.DELIVERER.id();

	private SampleGates() {
	}

	/** A fresh gate: nothing answered, nothing signed. */
	public static GateView open() {
		return view(GateTests.newGate(ID));
	}

	/** Both tracks answered so that they pass, nothing signed. */
	public static GateView answered() {
		Gate gate = GateTests.newGate(ID);
		GateTests.passTechnical(gate, GateTests.EXPLORER);
		GateTests.passCommercial(gate, GateTests.DELIVERER);
		return view(gate);
	}

	/** Both tracks answered, the technical one approved by explorer. */
	public static GateView technicalApproved() {
		Gate gate = GateTests.newGate(ID);
		GateTests.passTechnical(gate, GateTests.EXPLORER);
		GateTests.passCommercial(gate, GateTests.DELIVERER);
		gate.sign(Track.TECHNICAL, GateTests.EXPLORER, GateTests.owners(GateTests.EXPLORER), Meaning.APPROVE, null,
				gate.contentHash(Track.TECHNICAL), "Approved: technical robustness", OPENED.plusSeconds(60));
		return view(gate);
	}

	private static GateView view(Gate gate) {
		Portfolio portfolio = mock(Portfolio.class);
		given(portfolio.get(7L))
			.willReturn(new PrototypeView(7, "CONTRACT-RISK", "Contract Risk Review", "Lawyers read every clause.",
					"Legal tech", EXPLORER_ID, DELIVERER_ID, Stage.PROTOTYPE, OPENED, 1, List.of()));
		People people = mock(People.class);
		given(people.byIds(any())).willReturn(Map.of(EXPLORER_ID, person(EXPLORER_ID, "explorer", "Lin Wei"),
				DELIVERER_ID, person(DELIVERER_ID, "deliverer", "Maria Santos")));
		Clock clock = Clock.fixed(OPENED.plus(Duration.ofHours(5)), ZoneOffset.UTC);
		return new GateViews(portfolio, people, clock).of(gate);
	}

	private static Person person(long id, String username, String name) {
		return new Person(id, username, name, username + "@example.com", ReportingLine.CPO,
				Set.of((id == EXPLORER_ID) ? Role.EXPLORATION_PM : Role.DELIVERY_PM), true, "en", null);
	}

}
