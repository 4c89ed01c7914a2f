/**
 * People: accounts, roles, reporting lines, login, lock-out, personal API tokens and the
 * admin screens that manage them.
 */
package io.dualgate.people;
