package io.dualgate.notifications;

/**
 * How a person wants one type of notification: in the app only, in the app and by e-mail
 * at once, or in the app and in one daily digest e-mail.
 */
public enum Delivery {

	IN_APP, IN_APP_AND_EMAIL, DAILY_DIGEST

}
