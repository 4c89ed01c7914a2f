/**
 * Shared kernel: the few exception types every module throws and the web layer maps to
 * HTTP.
 */
package io.dualgate.shared;
