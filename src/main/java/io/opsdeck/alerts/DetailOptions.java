package io.opsdeck.alerts;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link AlertDetail} needs beyond the snapshot.
 *
 * @param docsBase          folder repository-relative runbook paths resolve against ({@code null}: none)
 * @param dashboardsByRole  dashboard id by {@code role} label value, used when an alert has no {@code dashboard}
 *                          annotation
 * @param history           past occurrences
 * @param historyLimit      at most this many past occurrences
 */
public record DetailOptions(Path docsBase, Map<String, String> dashboardsByRole, AlertHistorySource history,
                            int historyLimit) {

    public DetailOptions {
        dashboardsByRole = Map.copyOf(dashboardsByRole);
        Objects.requireNonNull(history, "history");
    }

    /** No docs folder, no role mapping, no history, 20 past occurrences. */
    public static DetailOptions defaults() {
        return new DetailOptions(null, Map.of(), AlertHistorySource.none(), 20);
    }

    public DetailOptions withDocsBase(Path base) {
        return new DetailOptions(base, dashboardsByRole, history, historyLimit);
    }

    public DetailOptions withDashboardsByRole(Map<String, String> mapping) {
        return new DetailOptions(docsBase, mapping, history, historyLimit);
    }

    public DetailOptions withHistory(AlertHistorySource source) {
        return new DetailOptions(docsBase, dashboardsByRole, source, historyLimit);
    }
}
