package io.opsdeck.ui.alerts;

import java.util.HashMap;
import java.util.Map;

/**
 * The Alerts filter per role for this session: a role shows its default filter until the operator types another
 * one for it; switching away keeps what was typed, switching back brings it back.
 */
final class RoleFilters {

    private final Map<String, String> typed = new HashMap<>();
    private String role;
    private String roleDefault = "";

    /**
     * Remembers {@code current} for the role being left (or forgets it when it is that role's default) and returns
     * the filter text for {@code name}.
     */
    String switchTo(String name, String defaultFilter, String current) {
        if (role != null) {
            String text = current == null ? "" : current;
            if (text.equals(roleDefault)) {
                typed.remove(role);
            } else {
                typed.put(role, text);
            }
        }
        role = name;
        roleDefault = defaultFilter == null ? "" : defaultFilter;
        return typed.getOrDefault(name, roleDefault);
    }
}
