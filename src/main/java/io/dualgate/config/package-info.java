/**
 * Cross-cutting configuration: security filter chains, the embedded database, the clock.
 */
package io.dualgate.config;
