/**
 * The web shell: layout, language, home page and the mapping of domain errors to pages
 * and problem details.
 */
package io.dualgate.web;
