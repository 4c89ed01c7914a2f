/**
 * Running DualGate on several nodes: housekeeping jobs that run on one node at a time and
 * leave a trace of where and when they ran.
 */
package io.dualgate.ops;
