package io.opsdeck.alertmanager;

import java.util.List;
import java.util.Map;

/**
 * Alerts the route groups together for one receiver ({@code GET /api/v2/alerts/groups}).
 *
 * @param labels the {@code group_by} labels shared by every alert in the group
 */
public record AlertGroup(Map<String, String> labels, String receiver, List<Alert> alerts) {

    public AlertGroup {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        receiver = receiver == null ? "" : receiver;
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }
}
