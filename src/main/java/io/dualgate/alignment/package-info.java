/**
 * The executive alignment dashboard: technical vs business metric pairs, portfolio flow,
 * exports.
 */
package io.dualgate.alignment;
