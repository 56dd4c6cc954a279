package io.opsdeck.alerts;

import io.opsdeck.alertmanager.AlertQuery;
import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.alertmanager.FleetSnapshot;
import io.opsdeck.alertmanager.MergedAlert;
import io.opsdeck.alertmanager.MergedSilence;
import io.opsdeck.alertmanager.SilenceSnapshot;
import io.opsdeck.alertmanager.SourceHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert workspace's data source: fetches alerts (all states) and silences of every cluster in parallel and
 * builds an immutable {@link WorkspaceSnapshot}. When no source of a cluster answers, the cluster's last known
 * alerts stay, and turn stale once their sources have been silent for two refresh intervals.
 *
 * <pre>{@code
 * AlertWorkspace ws = AlertWorkspace.builder(fleet).refreshInterval(Duration.ofSeconds(15)).build();
 * WorkspaceSnapshot snap = ws.refresh();   // call every refresh interval, off the UI thread
 * }</pre>
 */
public final class AlertWorkspace {

    private static final Logger LOG = LoggerFactory.getLogger(AlertWorkspace.class);

    private final AlertmanagerFleet fleet;
    private final AlertHistorySource history;
    private final java.util.function.Supplier<FleetSnapshot> alertSource;
    private final Duration refreshInterval;
    private final Duration resolvedWindow;
    private final Clock clock;
    private final Map<String, List<MergedAlert>> lastAlerts = new HashMap<>();
    private final Map<String, List<MergedSilence>> lastSilences = new HashMap<>();

    private AlertWorkspace(Builder b) {
        this.fleet = b.fleet;
        this.history = b.history;
        this.alertSource = b.alertSource != null ? b.alertSource : () -> fleet.alerts(AlertQuery.all());
        this.refreshInterval = b.refreshInterval;
        this.resolvedWindow = b.resolvedWindow;
        this.clock = b.clock;
    }

    public static Builder builder(AlertmanagerFleet fleet) {
        return new Builder(fleet);
    }

    public Duration refreshInterval() {
        return refreshInterval;
    }

    /** Fetches everything once and returns the new snapshot. Serialised: one refresh at a time. */
    public synchronized WorkspaceSnapshot refresh() {
        FleetSnapshot alerts;
        SilenceSnapshot silences;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<SilenceSnapshot> s = CompletableFuture.supplyAsync(() -> fleet.silences(List.of()), threads);
            alerts = alertSource.get();
            silences = s.join();
        }
        Instant now = clock.instant();
        Map<String, SourceHealth> health = new LinkedHashMap<>(fleet.health());
        Set<String> answered = new HashSet<>();
        health.values().stream().filter(SourceHealth::healthy).forEach(h -> answered.add(h.cluster()));

        Map<String, List<MergedAlert>> alertsByCluster = byCluster(alerts.alerts(), MergedAlert::cluster);
        Map<String, List<MergedSilence>> silencesByCluster = byCluster(silences.silences(), MergedSilence::cluster);
        List<MergedAlert> mergedAlerts = new ArrayList<>(alerts.alerts().size());
        List<MergedSilence> mergedSilences = new ArrayList<>(silences.silences().size());
        for (String cluster : fleet.clusters()) {
            if (answered.contains(cluster)) {
                lastAlerts.put(cluster, alertsByCluster.getOrDefault(cluster, List.of()));
                lastSilences.put(cluster, silencesByCluster.getOrDefault(cluster, List.of()));
            } else {
                LOG.debug("no source of cluster {} answered; keeping its last known alerts", cluster);
            }
            mergedAlerts.addAll(lastAlerts.getOrDefault(cluster, List.of()));
            mergedSilences.addAll(lastSilences.getOrDefault(cluster, List.of()));
        }
        List<ResolvedAlert> resolved;
        try {
            resolved = history.recentlyResolved(now.minus(resolvedWindow));
        } catch (RuntimeException e) {
            LOG.warn("alert history unavailable, showing no recently resolved alerts: {}", e.getMessage());
            resolved = List.of();
        }
        return RowBuilder.build(mergedAlerts, mergedSilences, resolved, health, now, refreshInterval);
    }

    /** The items of each cluster, in their order: one pass, not one filter per cluster. */
    private static <T> Map<String, List<T>> byCluster(List<T> items, java.util.function.Function<T, String> cluster) {
        Map<String, List<T>> out = new HashMap<>();
        for (T item : items) {
            out.computeIfAbsent(cluster.apply(item), k -> new ArrayList<>()).add(item);
        }
        return out;
    }

    /**
     * Builds a snapshot from already fetched data, e.g. for tests and benchmarks.
     *
     * @param refreshInterval rows whose sources last answered more than twice this long ago are stale
     */
    public static WorkspaceSnapshot snapshotOf(FleetSnapshot alerts, SilenceSnapshot silences,
                                               List<ResolvedAlert> resolved, Duration refreshInterval) {
        return RowBuilder.build(alerts.alerts(), silences == null ? List.of() : silences.silences(), resolved,
                alerts.health(), alerts.fetchedAt(), refreshInterval);
    }

    /** Settings; only the fleet is required. */
    public static final class Builder {
        private final AlertmanagerFleet fleet;
        private AlertHistorySource history = AlertHistorySource.none();
        private java.util.function.Supplier<FleetSnapshot> alertSource;
        private Duration refreshInterval = Duration.ofSeconds(30);
        private Duration resolvedWindow = Duration.ofHours(1);
        private Clock clock = Clock.systemUTC();

        private Builder(AlertmanagerFleet fleet) {
            this.fleet = Objects.requireNonNull(fleet, "fleet");
        }

        /** Where recently resolved alerts come from. Default: {@link AlertHistorySource#none()}. */
        public Builder history(AlertHistorySource source) {
            this.history = Objects.requireNonNull(source, "history");
            return this;
        }

        /**
         * Where each refresh gets the alerts (all states, every cluster of this fleet). Default: the fleet, asked at
         * each refresh. The live console passes its alert feed's fetch, so the top bar's counts and the list come
         * from the same answer and cannot disagree by being fetched at different moments.
         */
        public Builder alertSource(java.util.function.Supplier<FleetSnapshot> source) {
            this.alertSource = Objects.requireNonNull(source, "alertSource");
            return this;
        }

        /** How often the caller refreshes; staleness is two of these. Default: 30 s. */
        public Builder refreshInterval(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("the refresh interval must be positive, not " + d);
            }
            this.refreshInterval = d;
            return this;
        }

        /** How far back "recently resolved" reaches. Default: 1 hour. */
        public Builder resolvedWindow(Duration d) {
            this.resolvedWindow = Objects.requireNonNull(d, "resolvedWindow");
            return this;
        }

        /** Default: the system UTC clock. */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        public AlertWorkspace build() {
            return new AlertWorkspace(this);
        }
    }
}
