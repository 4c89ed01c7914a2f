package io.dualgate.alignment;

import io.dualgate.audit.AuditLog;
import io.dualgate.shared.ConflictException;
import io.dualgate.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators add and change alignment pairs; every change is audited in its
 * transaction.
 */
@Service
class AlignmentPairAdministration {

	private final AlignmentPairRepository pairs;

	private final AuditLog auditLog;

	AlignmentPairAdministration(AlignmentPairRepository pairs, AuditLog auditLog) {
		this.pairs = pairs;
		this.auditLog = auditLog;
	}

	@Transactional(readOnly = true)
	PairDefinition get(long id) {
		return this.pairs.findById(id)
			.orElseThrow(() -> new NotFoundException("alignment.pair.notFound", id))
			.definition();
	}

	@Transactional
	PairDefinition create(PairForm form) {
		AlignmentPair pair = this.pairs.saveAndFlush(new AlignmentPair(this.pairs.maxPosition() + 1, form));
		this.auditLog.record("ALIGNMENT_PAIR_CREATED", "alignment_pair", pair.getId(), null,
				describe(pair.definition()), null);
		return pair.definition();
	}

	@Transactional
	PairDefinition update(long id, PairForm form) {
		AlignmentPair pair = this.pairs.findById(id)
			.orElseThrow(() -> new NotFoundException("alignment.pair.notFound", id));
		if (form.version() == null || form.version() != pair.getVersion()) {
			throw new ConflictException("conflict.changedMeanwhile");
		}
		String before = describe(pair.definition());
		pair.apply(form);
		this.pairs.saveAndFlush(pair);
		this.auditLog.record("ALIGNMENT_PAIR_CHANGED", "alignment_pair", id, before, describe(pair.definition()), null);
		return pair.definition();
	}

	private static String describe(PairDefinition pair) {
		return AuditLog.values("technical", pair.technicalLabel(), "business", pair.businessLabel(), "kind",
				pair.kind(), "direction", pair.expectedDirection(), "targetR", pair.targetR());
	}

}
