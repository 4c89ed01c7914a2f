/**
 * Portfolio: prototypes, the stage each one is in and the history of how it got there.
 */
package io.dualgate.portfolio;
