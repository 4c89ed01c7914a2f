package io.dualgate.poc;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.dualgate.audit.AuditLog;
import io.dualgate.portfolio.DatedEvidence;
import io.dualgate.portfolio.EvidenceCalendar;
import io.dualgate.portfolio.EvidenceExpired;
import io.dualgate.portfolio.Portfolio;
import io.dualgate.portfolio.PrototypeView;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data-sovereignty agreements with a last valid day: once it passes, the agreement is
 * recorded as expired (audited) and {@link EvidenceExpired} tells the rest: the open
 * gate's item citing the agreement fails and invalidates its track's signature in the
 * same transaction, the Delivery PM is told. Hourly on one node (ShedLock); idempotent.
 */
@Component
class AgreementExpiry implements EvidenceCalendar {

	static final String REFERENCE_PREFIX = "poc-agreement:";

	private final JdbcClient jdbc;

	private final Portfolio portfolio;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AgreementExpiry(JdbcClient jdbc, Portfolio portfolio, AuditLog auditLog, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.portfolio = portfolio;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(cron = "${dualgate.evidence.expiry-cron:0 5 * * * *}", zone = "UTC")
	@SchedulerLock(name = "poc-agreement-expiry", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5S")
	@Transactional
	public void expireLapsedAgreements() {
		expireLapsedAgreements(LocalDate.now(this.clock));
	}

	/** Expires the signed agreements whose last valid day is before {@code today}. */
	@Transactional
	public int expireLapsedAgreements(LocalDate today) {
		List<Lapsed> lapsed = this.jdbc.sql("""
				select id, prototype_id, sovereignty_link, sovereignty_valid_until from poc
				where sovereignty_status = 'SIGNED' and sovereignty_valid_until < ? and sovereignty_expired_on is null
				order by id for update skip locked""")
			.param(today)
			.query((rs, n) -> new Lapsed(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getObject(4, LocalDate.class)))
			.list();
		for (Lapsed agreement : lapsed) {
			this.jdbc.sql("update poc set sovereignty_expired_on = ? where id = ?")
				.params(agreement.validUntil(), agreement.id())
				.update();
			PrototypeView prototype = this.portfolio.get(agreement.prototypeId());
			this.auditLog.recordAs("system", "POC_AGREEMENT_EXPIRED", "poc", agreement.id(), null,
					AuditLog.values("prototype", prototype.key(), "validUntil", agreement.validUntil()),
					"data-sovereignty agreement past its last valid day");
			this.events.publishEvent(new EvidenceExpired(prototype.id(), REFERENCE_PREFIX + agreement.id(),
					"data-sovereignty agreement", agreement.link(), agreement.validUntil(), prototype.deliveryPmId(),
					"/prototypes/" + prototype.key() + "#pocs"));
		}
		return lapsed.size();
	}

	@Override
	@Transactional(readOnly = true)
	public List<DatedEvidence> validUntilOnOrBefore(LocalDate until) {
		return this.jdbc
			.sql("""
					select id, prototype_id, sovereignty_link, sovereignty_valid_until, sovereignty_expired_on from poc
					where sovereignty_status = 'SIGNED' and sovereignty_valid_until <= ? and status in ('PLANNED', 'RUNNING')
					order by sovereignty_valid_until, id""")
			.param(until)
			.query((rs, n) -> {
				PrototypeView prototype = this.portfolio.get(rs.getLong(2));
				return new DatedEvidence(REFERENCE_PREFIX + rs.getLong(1), prototype.id(), prototype.key(),
						prototype.name(), "data-sovereignty agreement", rs.getString(3),
						rs.getObject(4, LocalDate.class), prototype.deliveryPmId(),
						"/prototypes/" + prototype.key() + "#pocs", rs.getObject(5, LocalDate.class) != null);
			})
			.list();
	}

	private record Lapsed(long id, long prototypeId, String link, LocalDate validUntil) {
	}

}
