package io.opsdeck.console.live;

import io.opsdeck.alertmanager.Alert;
import io.opsdeck.alertmanager.AlertQuery;
import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.alertmanager.FleetSnapshot;
import io.opsdeck.alertmanager.MergedAlert;
import io.opsdeck.alertmanager.SourceHealth;
import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.AlertFeed;
import io.opsdeck.console.AlertState;
import io.opsdeck.console.Severity;
import io.opsdeck.console.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current alerts of every Alertmanager cluster, asked every interval (default 10 s). HA peers are merged by the
 * fleet; an alert known to several clusters appears once (same fingerprint = same label set). Silenced or
 * inhibited alerts stay in the snapshot as {@link AlertState#SUPPRESSED}. When no Alertmanager of a cluster answers,
 * that cluster's last alerts are kept (an outage is not "everything resolved"); the health feed reports the outage.
 *
 * <pre>{@code
 * FleetAlertFeed alerts = new FleetAlertFeed(fleet);
 * alerts.start(scheduler, Duration.ofSeconds(10));
 * }</pre>
 */
public final class FleetAlertFeed implements AlertFeed, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetAlertFeed.class);

    private final AlertmanagerFleet fleet;
    private final List<Consumer<List<ActiveAlert>>> listeners = new CopyOnWriteArrayList<>();
    private volatile List<ActiveAlert> current = List.of();
    private volatile Poller poller;
    private final Map<String, List<MergedAlert>> lastByCluster = new HashMap<>();

    /** @param fleet asked, not owned: the caller closes it */
    public FleetAlertFeed(AlertmanagerFleet fleet) {
        this.fleet = fleet;
    }

    public void start(ScheduledExecutorService scheduler, Duration interval) {
        poller = new Poller("alerts", scheduler, interval, this::pollOnce);
    }

    /** Asks the fleet once and publishes the snapshot if it changed. */
    public void pollOnce() {
        fetch();
    }

    /**
     * Asks the fleet now, publishes the alerts to the listeners if they changed and returns the fleet's answer. The
     * Alerts workspace refreshes through this ({@code AlertWorkspace.Builder#alertSource}), so the list and the top
     * bar's counts come from one answer instead of two polls at different moments. One fetch at a time.
     */
    public synchronized FleetSnapshot fetch() {
        FleetSnapshot snapshot = fleet.alerts(AlertQuery.all());
        Set<String> answered = new HashSet<>();
        snapshot.health().values().stream().filter(SourceHealth::healthy).forEach(h -> answered.add(h.cluster()));
        Map<String, List<MergedAlert>> byCluster = new HashMap<>();
        snapshot.alerts().forEach(m -> byCluster.computeIfAbsent(m.cluster(), k -> new ArrayList<>()).add(m));
        List<MergedAlert> merged = new ArrayList<>(snapshot.alerts().size());
        for (String cluster : fleet.clusters()) {
            // a cluster none of whose sources answered keeps its last alerts: an outage is not "everything resolved"
            if (answered.contains(cluster)) {
                lastByCluster.put(cluster, byCluster.getOrDefault(cluster, List.of()));
            } else {
                LOG.debug("No Alertmanager of cluster {} answered; keeping its last alerts", cluster);
            }
            merged.addAll(lastByCluster.getOrDefault(cluster, List.of()));
        }
        publish(toActive(merged));
        return snapshot;
    }

    private void publish(List<ActiveAlert> next) {
        if (next.equals(current)) {
            return;
        }
        current = next;
        for (Consumer<List<ActiveAlert>> l : listeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                LOG.error("An alert listener failed", e);
            }
        }
    }

    static List<ActiveAlert> toActive(List<MergedAlert> merged) {
        List<ActiveAlert> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (MergedAlert m : merged) {
            Alert a = m.alert();
            if (!seen.add(a.fingerprint())) {
                continue;
            }
            Instant starts = a.startsAt() != null ? a.startsAt() : a.updatedAt() != null ? a.updatedAt() : Instant.EPOCH;
            out.add(new ActiveAlert(a.fingerprint(), a.alertname(), Severity.parse(a.label("severity")),
                    a.label("instance"), a.annotation("summary"), starts, state(a.state()), m.cluster(), a.labels()));
        }
        return List.copyOf(out);
    }

    private static AlertState state(io.opsdeck.alertmanager.AlertState s) {
        return switch (s) {
            case ACTIVE -> AlertState.ACTIVE;
            case SUPPRESSED -> AlertState.SUPPRESSED;
            case UNPROCESSED -> AlertState.UNPROCESSED;
        };
    }

    @Override
    public List<ActiveAlert> current() {
        return current;
    }

    @Override
    public Subscription subscribe(Consumer<List<ActiveAlert>> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        Poller p = poller;
        if (p != null) {
            p.close();
        }
    }
}
