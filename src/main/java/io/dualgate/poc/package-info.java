/**
 * POCs: the customer trials of a prototype, owned by its delivery PM; their willingness
 * to pay becomes evidence for the gate.
 */
package io.dualgate.poc;
