package io.opsdeck.ui.alerts;

import io.opsdeck.alerts.AlertHistorySource;
import io.opsdeck.alerts.ResolvedAlert;
import io.opsdeck.console.AgentException;
import io.opsdeck.console.AlertHistory;
import io.opsdeck.console.ResolvedRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workspace's recently resolved alerts from the agent's history, in the cluster the history entry names, or in
 * {@link ResolvedAlert#UNKNOWN_CLUSTER} when it names none (the agent does not know the console's cluster names;
 * guessing one would file the row under the wrong cluster). The last failure is kept for the view to show; the workspace
 * itself shows no resolved rows then. As an {@link AlertHistory} it passes calls through; per-alert history is
 * loaded by the view model off the FX thread (never from {@code AlertDetail}, which runs on it).
 */
final class AgentResolvedAlerts implements AlertHistorySource, AlertHistory {

    private final AlertHistory history;
    private volatile String problem = "";

    AgentResolvedAlerts(AlertHistory history) {
        this.history = history;
    }

    @Override
    public List<ResolvedAlert> recentlyResolved(Instant since) {
        if (!history.configured()) {
            return List.of();
        }
        try {
            List<ResolvedAlert> out = new ArrayList<>();
            for (ResolvedRecord r : history.resolvedSince(since)) {
                Map<String, String> labels = new LinkedHashMap<>(r.labels());
                if (!r.alertname().isEmpty()) {
                    labels.putIfAbsent("alertname", r.alertname());
                }
                if (!r.severity().isEmpty()) {
                    labels.putIfAbsent("severity", r.severity());
                }
                String cluster = r.cluster().isBlank() ? ResolvedAlert.UNKNOWN_CLUSTER : r.cluster();
                out.add(new ResolvedAlert(cluster, r.fingerprint(), labels, Map.of(),
                        r.firingSince() == null ? r.resolvedAt() : r.firingSince(), r.resolvedAt()));
            }
            problem = "";
            return out;
        } catch (AgentException e) {
            problem = e.getMessage();
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public List<ResolvedAlert> history(String clusterName, String fingerprint, int limit) {
        return List.of();
    }

    @Override
    public boolean configured() {
        return history.configured();
    }

    @Override
    public List<ResolvedRecord> resolvedSince(Instant since) throws AgentException {
        return history.resolvedSince(since);
    }

    @Override
    public List<io.opsdeck.console.AlertEvent> events(String fingerprint) throws AgentException {
        return history.events(fingerprint);
    }

    /** Why the last fetch of resolved alerts failed; empty after a success. */
    String problem() {
        return problem;
    }
}
