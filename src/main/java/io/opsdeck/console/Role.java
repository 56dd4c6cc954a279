package io.opsdeck.console;

import java.util.List;
import java.util.Objects;

/**
 * A role the operator works as: which dashboards it shows, its default alert filter and notification prefs.
 *
 * @param name          shown in the role selector and remembered as the last role, e.g. "DBA"
 * @param dashboardIds  dashboards listed for this role, in order
 * @param defaultFilter the alert filter text the Alerts workspace starts with (may be empty)
 * @param notifications which new alerts notify and sound
 */
public record Role(String name, List<String> dashboardIds, String defaultFilter, NotificationPrefs notifications) {

    public Role {
        Objects.requireNonNull(name, "name");
        dashboardIds = List.copyOf(dashboardIds);
        defaultFilter = defaultFilter == null ? "" : defaultFilter;
        notifications = notifications == null ? NotificationPrefs.defaults() : notifications;
    }
}
