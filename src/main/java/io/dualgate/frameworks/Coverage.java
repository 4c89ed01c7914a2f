package io.dualgate.frameworks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.dualgate.audit.AuditLog;
import io.dualgate.gate.CoveredItem;
import io.dualgate.gate.Gates;
import io.dualgate.gate.checklist.Verdict;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.people.People;
import io.dualgate.portfolio.Portfolio;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.shared.InvalidFieldException;
import io.dualgate.shared.NotPermittedException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per prototype: for each control of the applicable frameworks, whether it applies (a
 * justification when not), which checklist items cover it and their evidence status.
 * Coverage is computed from the references the gates' items carry, never stored.
 */
@Service
@Transactional(readOnly = true)
public class Coverage {

	static final int MAX_JUSTIFICATION = 1000;

	private final Frameworks frameworks;

	private final Gates gates;

	private final Portfolio portfolio;

	private final People people;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Clock clock;

	Coverage(Frameworks frameworks, Gates gates, Portfolio portfolio, People people, JdbcClient jdbc, AuditLog auditLog,
			Clock clock) {
		this.frameworks = frameworks;
		this.gates = gates;
		this.portfolio = portfolio;
		this.people = people;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	public CoverageReport report(String prototypeKey) {
		PrototypeView prototype = this.portfolio.get(prototypeKey);
		List<CoveredItem> items = this.gates.coveredItems(prototype.id());
		Map<Long, Decision> decisions = decisions(prototype.id());
		List<CoverageReport.Section> sections = new ArrayList<>();
		for (FrameworkView framework : this.frameworks.applicable()) {
			List<CoverageReport.Row> rows = new ArrayList<>();
			Map<CoverageStatus, Long> counts = new EnumMap<>(CoverageStatus.class);
			for (CoverageStatus status : CoverageStatus.values()) {
				counts.put(status, 0L);
			}
			for (ControlView control : this.frameworks.controls(framework.key())) {
				List<CoveredItem> citing = items.stream().filter((item) -> item.cites(control.reference())).toList();
				Decision decision = decisions.get(control.id());
				boolean applicable = decision == null || decision.applicable();
				CoverageStatus status = applicable ? status(citing) : CoverageStatus.NOT_APPLICABLE;
				counts.merge(status, 1L, Long::sum);
				rows.add(new CoverageReport.Row(control, applicable,
						(decision != null) ? decision.justification() : null, (decision != null) ? decision.by() : null,
						(decision != null) ? decision.at() : null, status, citing));
			}
			sections.add(new CoverageReport.Section(framework, rows, counts));
		}
		return new CoverageReport(prototype.id(), prototype.key(), prototype.name(), this.clock.instant(), sections);
	}

	/**
	 * The status of a control from the items citing it: judged on the newest gate that
	 * has any of them.
	 */
	static CoverageStatus status(List<CoveredItem> citing) {
		if (citing.isEmpty()) {
			return CoverageStatus.NOT_COVERED;
		}
		CoveredItem newest = citing.stream()
			.max(Comparator.comparing(CoveredItem::openedAt).thenComparing(CoveredItem::gateId))
			.orElseThrow();
		List<CoveredItem> latest = citing.stream().filter((item) -> item.gateId() == newest.gateId()).toList();
		if (latest.stream().anyMatch((item) -> item.evidenceExpired() || item.verdict() == Verdict.FAIL)) {
			return CoverageStatus.FAIL;
		}
		if (latest.stream().anyMatch((item) -> item.verdict() == Verdict.OPEN)) {
			return CoverageStatus.OPEN;
		}
		return CoverageStatus.PASS;
	}

	/**
	 * Records whether a control applies to the prototype (a justification is required
	 * when it does not). The prototype's own PMs and admins decide.
	 */
	@Transactional
	public void decide(String prototypeKey, long controlId, boolean applicable, String justification,
			AuthenticatedUser by) {
		PrototypeView prototype = requireMayDecide(prototypeKey, by);
		ControlView control = this.frameworks.control(controlId);
		String why = (justification != null && !justification.isBlank()) ? justification.strip() : null;
		if (!applicable && why == null) {
			throw new InvalidFieldException("justification", "coverage.justification.required");
		}
		if (why != null && why.length() > MAX_JUSTIFICATION) {
			throw new InvalidFieldException("justification", "coverage.justification.tooLong", MAX_JUSTIFICATION);
		}
		Decision before = decisions(prototype.id()).get(controlId);
		Instant at = this.clock.instant();
		this.jdbc
			.sql("""
					insert into control_applicability (prototype_id, control_id, applicable, justification, decided_at, decided_by)
					values (:prototype, :control, :applicable, :why, :at, :by)
					on conflict (prototype_id, control_id) do update
					set applicable = excluded.applicable, justification = excluded.justification,
					    decided_at = excluded.decided_at, decided_by = excluded.decided_by""")
			.param("prototype", prototype.id())
			.param("control", controlId)
			.param("applicable", applicable)
			.param("why", why)
			.param("at", java.sql.Timestamp.from(at))
			.param("by", by.id())
			.update();
		this.auditLog.record("CONTROL_APPLICABILITY_SET", "prototype", prototype.key(),
				(before != null) ? AuditLog.values("control", control.framework() + " " + control.clause(),
						"applicable", before.applicable()) : null,
				AuditLog.values("control", control.framework() + " " + control.clause(), "applicable", applicable),
				why);
	}

	/**
	 * Refuses (403) anyone but the prototype's own PMs and admins, before anything of the
	 * request is looked at.
	 */
	public PrototypeView requireMayDecide(String prototypeKey, AuthenticatedUser by) {
		PrototypeView prototype = this.portfolio.get(prototypeKey);
		if (!prototype.changeableBy(by)) {
			throw new NotPermittedException("coverage.applicability.notYours");
		}
		return prototype;
	}

	private Map<Long, Decision> decisions(long prototypeId) {
		record Stored(long controlId, boolean applicable, String justification, Instant at, long by) {
		}
		List<Stored> stored = this.jdbc.sql("""
				select control_id, applicable, justification, decided_at, decided_by
				from control_applicability where prototype_id = ?""")
			.param(prototypeId)
			.query((rs, n) -> new Stored(rs.getLong("control_id"), rs.getBoolean("applicable"),
					rs.getString("justification"), rs.getTimestamp("decided_at").toInstant(), rs.getLong("decided_by")))
			.list();
		Map<Long, io.dualgate.people.Person> deciders = stored.isEmpty() ? Map.of()
				: this.people.byIds(stored.stream().map(Stored::by).collect(java.util.stream.Collectors.toSet()));
		Map<Long, Decision> decisions = new HashMap<>();
		for (Stored s : stored) {
			io.dualgate.people.Person who = deciders.get(s.by());
			decisions.put(s.controlId(),
					new Decision(s.applicable(), s.justification(), (who != null) ? who.fullName() : null, s.at()));
		}
		return decisions;
	}

	private record Decision(boolean applicable, String justification, String by, Instant at) {

	}

}
