package io.opsdeck.alerts;

import io.opsdeck.alertmanager.Alert;
import io.opsdeck.alertmanager.AlertState;
import io.opsdeck.alertmanager.AlertStatus;
import io.opsdeck.alertmanager.FleetSnapshot;
import io.opsdeck.alertmanager.Matcher;
import io.opsdeck.alertmanager.MergedAlert;
import io.opsdeck.alertmanager.MergedSilence;
import io.opsdeck.alertmanager.Silence;
import io.opsdeck.alertmanager.SilenceSnapshot;
import io.opsdeck.alertmanager.SilenceState;
import io.opsdeck.alertmanager.SourceHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds workspace snapshots from hand-made alert data for the pure logic tests (grouping, filtering, matchers).
 * Behaviour against a real Alertmanager is covered by the *RealStackTest classes.
 */
final class Fixture {

    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    static final Duration INTERVAL = Duration.ofSeconds(30);

    private final List<MergedAlert> alerts = new ArrayList<>();
    private final List<MergedSilence> silences = new ArrayList<>();
    private final List<ResolvedAlert> resolved = new ArrayList<>();
    private final Map<String, SourceHealth> health = new LinkedHashMap<>();

    /** Sources am-<cluster> answering now, unless {@link #sourceLastAnswered} says otherwise. */
    Fixture source(String cluster, Instant lastSuccess) {
        String name = "am-" + cluster;
        health.put(name, new SourceHealth(name, cluster, "http://127.0.0.1:1", lastSuccess, NOW,
                lastSuccess != null && lastSuccess.equals(NOW) ? null : "down"));
        return this;
    }

    static Map<String, String> labels(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static String fingerprint(Map<String, String> labels) {
        return String.format("%016x", (long) new TreeMap<>(labels).toString().hashCode() & 0xffffffffL);
    }

    /** A firing alert started {@code age} ago, sent to receiver "null". */
    String alert(String cluster, Duration age, String... kv) {
        return add(cluster, labels(kv), Map.of("summary", "summary of " + kv[1]), age, List.of(), List.of(), List.of("null"));
    }

    String alert(String cluster, String... kv) {
        return alert(cluster, Duration.ofMinutes(5), kv);
    }

    String add(String cluster, Map<String, String> labels, Map<String, String> annotations, Duration age,
               List<String> silencedBy, List<String> inhibitedBy, List<String> receivers) {
        if (!health.containsKey("am-" + cluster)) {
            source(cluster, NOW);
        }
        String fp = fingerprint(labels);
        AlertState state = silencedBy.isEmpty() && inhibitedBy.isEmpty() ? AlertState.ACTIVE : AlertState.SUPPRESSED;
        Alert alert = new Alert(fp, labels, annotations, NOW.minus(age), NOW.plus(Duration.ofMinutes(5)), NOW,
                "http://prometheus.example/graph?g0.expr=up", receivers, new AlertStatus(state, silencedBy, inhibitedBy));
        alerts.add(new MergedAlert(alert, cluster, Set.of("am-" + cluster)));
        return fp;
    }

    Fixture silence(String cluster, String id, String comment, Instant startsAt, Instant endsAt, Matcher... matchers) {
        SilenceState state = endsAt.isAfter(NOW) ? (startsAt.isAfter(NOW) ? SilenceState.PENDING : SilenceState.ACTIVE)
                : SilenceState.EXPIRED;
        silences.add(new MergedSilence(new Silence(id, List.of(matchers), startsAt, endsAt, "ana", comment, state, NOW),
                cluster, Set.of("am-" + cluster)));
        return this;
    }

    Fixture resolved(String cluster, Duration ago, String... kv) {
        Map<String, String> labels = labels(kv);
        resolved.add(new ResolvedAlert(cluster, fingerprint(labels), labels, Map.of(), NOW.minus(ago).minusSeconds(600),
                NOW.minus(ago)));
        return this;
    }

    WorkspaceSnapshot snapshot() {
        return AlertWorkspace.snapshotOf(new FleetSnapshot(alerts, health, NOW),
                new SilenceSnapshot(silences, health, NOW), resolved, INTERVAL);
    }
}
