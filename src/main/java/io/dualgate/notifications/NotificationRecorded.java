package io.dualgate.notifications;

/**
 * A notification that wants an e-mail at once was recorded; the mailer sends it after
 * commit, retried from the event publication registry until it is sent.
 */
public record NotificationRecorded(long notificationId) {
}
