package io.dualgate.notifications;

/**
 * What a notification is about. Each has its text ({@code notification.text.<TYPE>}) and
 * e-mail subject ({@code notification.subject.<TYPE>}) in both languages.
 */
public enum NotificationType {

	/** A gate was opened: to each track's signer. */
	GATE_OPENED,

	/** The other track is signed; the gate waits for yours. */
	AWAITING_SIGNATURE,

	/** Your signature was invalidated, with the reason. */
	SIGNATURE_INVALIDATED,

	/** To both PMs and whoever opened the gate. */
	GATE_APPROVED,

	/** To both PMs and whoever opened the gate. */
	GATE_REJECTED,

	/** 75 % of the SLA has passed: to each waiting signer. */
	SLA_REMINDER,

	/** The SLA has passed: to each waiting signer. */
	SLA_OVERDUE,

	/** 125 % of the SLA: to the waiting signer's manager, or the admins. */
	SLA_ESCALATION,

	/** To the prototype's PMs. */
	KILL_CRITERION_MET,

	/** To the owner of the evidence. */
	EVIDENCE_EXPIRING_7D,

	/** To the owner of the evidence. */
	EVIDENCE_EXPIRING_1D,

	/** To the owner of the evidence. */
	EVIDENCE_EXPIRED,

	/** To the delegate. */
	DELEGATION_GRANTED,

	/** A webhook endpoint was disabled after repeated failures: to the admins. */
	WEBHOOK_DISABLED,

	/**
	 * A capability's autonomy was lowered (automatically on the evidence, or by hand): to
	 * the prototype's PMs.
	 */
	AUTONOMY_LOWERED

}
