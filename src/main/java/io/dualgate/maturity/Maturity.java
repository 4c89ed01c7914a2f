package io.dualgate.maturity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.dualgate.audit.AuditLog;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.people.People;
import io.dualgate.people.Person;
import io.dualgate.people.ReportingLine;
import io.dualgate.portfolio.Portfolio;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maturity-matrix assessments: appended, never overwritten (the table refuses UPDATE and
 * DELETE). The first assessment of a prototype is its baseline; the latest is its current
 * state.
 */
@Service
@Transactional(readOnly = true)
public class Maturity {

	private final JdbcClient jdbc;

	private final Portfolio portfolio;

	private final People people;

	private final AuditLog auditLog;

	private final Clock clock;

	Maturity(JdbcClient jdbc, Portfolio portfolio, People people, AuditLog auditLog, Clock clock) {
		this.jdbc = jdbc;
		this.portfolio = portfolio;
		this.people = people;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** The prototype's own PMs and admins assess; executives and other PMs read. */
	static boolean mayAssess(AuthenticatedUser user, PrototypeView prototype) {
		return prototype.changeableBy(user);
	}

	/**
	 * For the dashboard: the current levels of every prototype that has been assessed.
	 */
	public List<MaturityLevels> currentLevels() {
		return this.jdbc
			.sql("""
					select distinct on (prototype_id) prototype_id, assessed_on, technical_level, value_level, compliance_level
					from maturity_assessment order by prototype_id, assessed_on desc, id desc""")
			.query(Maturity::levels)
			.list();
	}

	public Optional<MaturityLevels> current(long prototypeId) {
		List<Assessment> history = history(prototypeId);
		return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1).levels());
	}

	public Optional<MaturityLevels> baseline(long prototypeId) {
		List<Assessment> history = history(prototypeId);
		return history.isEmpty() ? Optional.empty() : Optional.of(history.get(0).levels());
	}

	/** Oldest first: the first is the baseline. */
	public List<Assessment> history(long prototypeId) {
		return this.jdbc.sql("""
				select a.id, a.prototype_id, a.assessed_on, a.technical_level, a.value_level, a.compliance_level,
				       a.assessor_id, u.full_name, a.notes, a.recorded_at
				from maturity_assessment a join app_user u on u.id = a.assessor_id
				where a.prototype_id = ? order by a.assessed_on, a.id""")
			.param(prototypeId)
			.query(Maturity::assessment)
			.list();
	}

	/**
	 * "Fake dual track": the prototype's Exploration PM reports to the CTO, and so is
	 * rewarded for papers rather than commercial readiness.
	 */
	public boolean fakeDualTrack(PrototypeView prototype) {
		return this.people.findById(prototype.explorationPmId())
			.map(Person::reportingLine)
			.map((line) -> line == ReportingLine.CTO)
			.orElse(false);
	}

	@Transactional
	public long assess(String prototypeKey, AssessmentForm form, AuthenticatedUser by) {
		PrototypeView prototype = this.portfolio.get(prototypeKey);
		if (!mayAssess(by, prototype)) {
			throw new AccessDeniedException("not a PM of " + prototypeKey);
		}
		if (form.assessedOn().isAfter(LocalDate.now(this.clock))) {
			throw new RuleViolationException("maturity.date.future");
		}
		return append(prototype, form, by.id(), null);
	}

	@Transactional
	long appendForDemo(PrototypeView prototype, AssessmentForm form, long assessorId) {
		return append(prototype, form, assessorId, "demo data");
	}

	private long append(PrototypeView prototype, AssessmentForm form, long assessorId, String reason) {
		long id = this.jdbc.sql("""
				insert into maturity_assessment (prototype_id, assessed_on, technical_level, value_level,
				    compliance_level, assessor_id, notes, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(prototype.id(), form.assessedOn(), form.technicalValidation(), form.customerValue(),
					form.complianceReadiness(), assessorId,
					(form.notes() == null || form.notes().isBlank()) ? null : form.notes().strip(),
					Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
		String values = AuditLog.values("prototype", prototype.key(), "assessedOn", form.assessedOn(),
				"technicalValidation", form.technicalValidation(), "customerValue", form.customerValue(),
				"complianceReadiness", form.complianceReadiness());
		if (reason != null) {
			this.auditLog.recordAs("system", "MATURITY_ASSESSED", "maturity_assessment", id, null, values, reason);
		}
		else {
			this.auditLog.record("MATURITY_ASSESSED", "maturity_assessment", id, null, values, null);
		}
		return id;
	}

	private static MaturityLevels levels(ResultSet rs, int row) throws SQLException {
		return new MaturityLevels(rs.getLong("prototype_id"), rs.getObject("assessed_on", LocalDate.class),
				rs.getInt("technical_level"), rs.getInt("value_level"), rs.getInt("compliance_level"));
	}

	private static Assessment assessment(ResultSet rs, int row) throws SQLException {
		return new Assessment(rs.getLong("id"), rs.getLong("prototype_id"),
				rs.getObject("assessed_on", LocalDate.class), rs.getInt("technical_level"), rs.getInt("value_level"),
				rs.getInt("compliance_level"), rs.getLong("assessor_id"), rs.getString("full_name"),
				rs.getString("notes"), rs.getTimestamp("recorded_at").toInstant());
	}

}
