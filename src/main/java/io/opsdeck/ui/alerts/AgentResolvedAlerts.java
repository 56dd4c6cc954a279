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
 * The workspace's recently resolved alerts from the agent's history, in their cluster: the one the entry names, else
 * the fleet's cluster with a source at the Alertmanager URL the agent recorded (the webhook's {@code externalURL} or
 * the URL it polled), else {@link ResolvedAlert#UNKNOWN_CLUSTER} (older entries, or an Alertmanager this console does
 * not list: guessing would file the row under the wrong cluster). The last failure is kept for the view to show; the
 * workspace itself shows no resolved rows then. As an {@link AlertHistory} it passes calls through; per-alert history is
 * loaded by the view model off the FX thread (never from {@code AlertDetail}, which runs on it).
 */
final class AgentResolvedAlerts implements AlertHistorySource, AlertHistory {

    private final AlertHistory history;
    private final Map<String, String> clusterByUrl;
    private volatile String problem = "";

    /** Without a fleet: every row's cluster is the one its entry names, else {@link ResolvedAlert#UNKNOWN_CLUSTER}. */
    AgentResolvedAlerts(AlertHistory history) {
        this(history, Map.of());
    }

    /** @param clusterByUrl cluster by source URL, as {@link #clustersByUrl} makes it */
    AgentResolvedAlerts(AlertHistory history, Map<String, String> clusterByUrl) {
        this.history = history;
        this.clusterByUrl = Map.copyOf(clusterByUrl);
    }

    /** The fleet's clusters by their sources' URLs, {@link #sameUrl normalised}. */
    static Map<String, String> clustersByUrl(io.opsdeck.alertmanager.AlertmanagerFleet fleet) {
        Map<String, String> out = new java.util.HashMap<>();
        fleet.health().values().forEach(h -> out.putIfAbsent(sameUrl(h.url()), h.cluster()));
        return out;
    }

    /**
     * A URL as compared with the agent's: scheme and host in lower case, no default port, no trailing slash, no
     * query; text that is no URL is kept as it is.
     */
    static String sameUrl(String url) {
        if (url == null) {
            return "";
        }
        try {
            java.net.URI u = new java.net.URI(url.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            int port = u.getPort() == 80 && scheme.equals("http") || u.getPort() == 443 && scheme.equals("https") ? -1 : u.getPort();
            String host = u.getHost() == null ? "" : u.getHost().toLowerCase(java.util.Locale.ROOT);
            String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/+$", "");
            return scheme + "://" + host + (port < 0 ? "" : ":" + port) + path;
        } catch (java.net.URISyntaxException e) {
            return url.strip();
        }
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
                String cluster = !r.cluster().isBlank() ? r.cluster() : r.alertmanager().isBlank() ? ResolvedAlert.UNKNOWN_CLUSTER
                        : clusterByUrl.getOrDefault(sameUrl(r.alertmanager()), ResolvedAlert.UNKNOWN_CLUSTER);
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
