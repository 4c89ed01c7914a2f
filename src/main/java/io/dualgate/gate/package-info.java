/**
 * The dual-sign gate: versioned checklist templates, gates with two tracks, signatures,
 * the separation-of-duties rules and the SLA clock.
 */
package io.dualgate.gate;
