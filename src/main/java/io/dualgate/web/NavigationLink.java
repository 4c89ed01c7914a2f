package io.dualgate.web;

import java.util.Set;

/**
 * A link in the navigation bar that a module contributes as a bean; shown to people
 * holding any of the roles (all signed-in people when empty).
 *
 * @param order position from the left
 * @param path where it leads
 * @param labelCode message code of its text
 * @param roles role names without the {@code ROLE_} prefix
 */
public record NavigationLink(int order, String path, String labelCode, Set<String> roles) {
}
