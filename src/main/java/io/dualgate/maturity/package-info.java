/**
 * The AGI commercialisation maturity matrix: dated assessments of three dimensions at
 * three levels, kept as history, and the "fake dual track" warning.
 */
package io.dualgate.maturity;
