package io.dualgate.poc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import io.dualgate.audit.AuditLog;
import io.dualgate.metrics.Metrics;
import io.dualgate.metrics.ObservationSource;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.people.Role;
import io.dualgate.portfolio.Portfolio;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.portfolio.Stage;
import io.dualgate.shared.ConflictException;
import io.dualgate.shared.NotFoundException;
import io.dualgate.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * POCs of a prototype. Delivery PMs own them: the prototype's delivery PM and admins
 * edit, everyone else reads. A willingness to pay becomes a
 * {@code willingness_to_pay_usd} observation (source POC, dated today) in the same
 * transaction, so a gate item bound to it sees it.
 */
@Service
@Transactional(readOnly = true)
class Pocs {

	static final String WILLINGNESS_TO_PAY = "willingness_to_pay_usd";

	private final JdbcClient jdbc;

	private final Portfolio portfolio;

	private final Metrics metrics;

	private final AuditLog auditLog;

	private final Clock clock;

	Pocs(JdbcClient jdbc, Portfolio portfolio, Metrics metrics, AuditLog auditLog, Clock clock) {
		this.jdbc = jdbc;
		this.portfolio = portfolio;
		this.metrics = metrics;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** The prototype's delivery PM (holding the role) and admins. */
	static boolean mayEdit(AuthenticatedUser user, PrototypeView prototype) {
		return user.holds(Role.ADMIN) || (user.holds(Role.DELIVERY_PM) && prototype.deliveryPmId() == user.id());
	}

	List<Poc> forPrototype(long prototypeId) {
		return this.jdbc.sql(SELECT + " where prototype_id = ? order by start_date desc, id desc")
			.param(prototypeId)
			.query(Pocs::poc)
			.list();
	}

	Poc get(String prototypeKey, long id) {
		PrototypeView prototype = this.portfolio.get(prototypeKey);
		return this.jdbc.sql(SELECT + " where id = ? and prototype_id = ?")
			.params(id, prototype.id())
			.query(Pocs::poc)
			.optional()
			.orElseThrow(() -> new NotFoundException("poc.notFound", id));
	}

	@Transactional
	long create(String prototypeKey, PocForm form, AuthenticatedUser by) {
		PrototypeView prototype = editable(prototypeKey, by);
		checkStage(prototype, form.status());
		long id = this.jdbc.sql("""
				insert into poc (prototype_id, customer, start_date, end_date, success_criteria, willingness_to_pay_usd,
				    sovereignty_status, sovereignty_link, status, outcome_notes, created_by, created_at,
				    sovereignty_valid_until)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(prototype.id(), form.customer().strip(), form.startDate(), form.endDate(),
					form.successCriteria().strip(), form.willingnessToPayUsdPerYear(), form.sovereigntyStatus().name(),
					form.link(), form.status().name(), form.notes(), by.id(), Timestamp.from(this.clock.instant()),
					form.sovereigntyValidUntil())
			.query(Long.class)
			.single();
		this.auditLog.record("POC_CREATED", "poc", id, null, describe(prototype.key(), form), null);
		recordWillingnessToPay(prototype, form.willingnessToPayUsdPerYear(), null, by);
		return id;
	}

	@Transactional
	void update(String prototypeKey, long id, PocForm form, AuthenticatedUser by) {
		PrototypeView prototype = editable(prototypeKey, by);
		Poc before = get(prototypeKey, id);
		if (!Objects.equals(form.version(), before.version())) {
			throw new ConflictException("conflict.changedMeanwhile");
		}
		checkStage(prototype, form.status());
		int updated = this.jdbc.sql("""
				update poc set customer = ?, start_date = ?, end_date = ?, success_criteria = ?,
				    willingness_to_pay_usd = ?, sovereignty_status = ?, sovereignty_link = ?, status = ?,
				    outcome_notes = ?, sovereignty_valid_until = ?,
				    sovereignty_expired_on = case when sovereignty_valid_until is not distinct from ?
				        and sovereignty_link is not distinct from ? then sovereignty_expired_on end,
				    version = version + 1
				where id = ? and version = ?""")
			.params(form.customer().strip(), form.startDate(), form.endDate(), form.successCriteria().strip(),
					form.willingnessToPayUsdPerYear(), form.sovereigntyStatus().name(), form.link(),
					form.status().name(), form.notes(), form.sovereigntyValidUntil(), form.sovereigntyValidUntil(),
					form.link(), id, before.version())
			.update();
		if (updated != 1) {
			throw new ConflictException("conflict.changedMeanwhile");
		}
		this.auditLog.record("POC_UPDATED", "poc", id, describe(prototype.key(), PocForm.of(before)),
				describe(prototype.key(), form), null);
		recordWillingnessToPay(prototype, form.willingnessToPayUsdPerYear(), before.willingnessToPayUsd(), by);
	}

	/**
	 * Demo data: a POC whatever the stage (the gate module's demo data moves stages on
	 * its own schedule).
	 */
	@Transactional
	void createForDemo(PrototypeView prototype, PocForm form, long createdBy) {
		long id = this.jdbc.sql("""
				insert into poc (prototype_id, customer, start_date, end_date, success_criteria, willingness_to_pay_usd,
				    sovereignty_status, sovereignty_link, status, outcome_notes, created_by, created_at,
				    sovereignty_valid_until)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(prototype.id(), form.customer(), form.startDate(), form.endDate(), form.successCriteria(),
					form.willingnessToPayUsdPerYear(), form.sovereigntyStatus().name(), form.link(),
					form.status().name(), form.notes(), createdBy, Timestamp.from(this.clock.instant()),
					form.sovereigntyValidUntil())
			.query(Long.class)
			.single();
		this.auditLog.recordAs("system", "POC_CREATED", "poc", id, null, describe(prototype.key(), form), "demo data");
		recordWillingnessToPay(prototype, form.willingnessToPayUsdPerYear(), null, null);
	}

	private void recordWillingnessToPay(PrototypeView prototype, BigDecimal amount, BigDecimal before,
			AuthenticatedUser by) {
		if (amount == null || (before != null && amount.compareTo(before) == 0)) {
			return;
		}
		this.metrics.record(prototype.key(), WILLINGNESS_TO_PAY, LocalDate.now(this.clock).toString(),
				amount.toPlainString(), ObservationSource.POC, by);
	}

	/**
	 * A prototype still at PROTOTYPE may plan a POC: its prospective customer's
	 * willingness to pay is the very evidence the PROTOTYPE -> POC gate asks for. Running
	 * or finished POCs need the prototype at POC or later; a killed prototype gets no new
	 * POC work.
	 */
	private static void checkStage(PrototypeView prototype, PocStatus status) {
		if (prototype.stage() == Stage.KILLED) {
			throw new RuleViolationException("poc.stage.killed", prototype.key());
		}
		if (prototype.stage() == Stage.PROTOTYPE && status != PocStatus.PLANNED) {
			throw new RuleViolationException("poc.stage.tooEarly", prototype.key());
		}
	}

	private PrototypeView editable(String prototypeKey, AuthenticatedUser by) {
		PrototypeView prototype = this.portfolio.get(prototypeKey);
		if (!mayEdit(by, prototype)) {
			throw new AccessDeniedException("not the delivery PM of " + prototypeKey);
		}
		return prototype;
	}

	private static String describe(String prototypeKey, PocForm form) {
		return AuditLog.values("prototype", prototypeKey, "customer", form.customer(), "start", form.startDate(), "end",
				form.endDate(), "successCriteria", form.successCriteria(), "willingnessToPayUsdPerYear",
				form.willingnessToPayUsdPerYear(), "sovereignty", form.sovereigntyStatus(), "sovereigntyLink",
				form.link(), "sovereigntyValidUntil", form.sovereigntyValidUntil(), "status", form.status(), "outcome",
				form.notes());
	}

	private static final String SELECT = "select id, prototype_id, customer, start_date, end_date, success_criteria,"
			+ " willingness_to_pay_usd, sovereignty_status, sovereignty_link, status, outcome_notes, version,"
			+ " sovereignty_valid_until, sovereignty_expired_on from poc";

	private static Poc poc(ResultSet rs, int row) throws SQLException {
		return new Poc(rs.getLong("id"), rs.getLong("prototype_id"), rs.getString("customer"),
				rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
				rs.getString("success_criteria"), rs.getBigDecimal("willingness_to_pay_usd"),
				SovereigntyStatus.valueOf(rs.getString("sovereignty_status")), rs.getString("sovereignty_link"),
				PocStatus.valueOf(rs.getString("status")), rs.getString("outcome_notes"), rs.getLong("version"),
				rs.getObject("sovereignty_valid_until", LocalDate.class),
				rs.getObject("sovereignty_expired_on", LocalDate.class));
	}

}
