package io.opsdeck.alertmanager;

import java.io.Closeable;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every Alertmanager of every cluster, asked in parallel (a virtual thread each, bounded by its client's
 * timeout). HA peers' alerts and silences are merged; a failing source never hides the others, it only shows in
 * its {@link SourceHealth}. Thread-safe.
 *
 * <pre>{@code
 * try (AlertmanagerFleet fleet = AlertmanagerFleet.builder()
 *         .add("eu", AlertmanagerClient.builder(URI.create("http://127.0.0.1:9093")).name("am-eu-1").build())
 *         .add("eu", AlertmanagerClient.builder(URI.create("http://127.0.0.1:9094")).name("am-eu-2").build())
 *         .build()) {
 *     FleetSnapshot now = fleet.alerts(AlertQuery.activeOnly());
 *     now.alerts().forEach(a -> log.info("{} seen by {}", a.alert().alertname(), a.sources()));
 *     fleet.createSilenceOnCluster("eu", spec);   // once: the peers gossip it
 * }
 * }</pre>
 */
public final class AlertmanagerFleet implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertmanagerFleet.class);

    private record Member(String cluster, AlertmanagerClient client) {
    }

    private final List<Member> members;
    private final boolean closeClients;
    private final Clock clock;
    private final Map<String, SourceHealth> health = new ConcurrentHashMap<>();

    private AlertmanagerFleet(Builder b) {
        this.members = List.copyOf(b.members);
        this.closeClients = b.closeClients;
        this.clock = b.clock;
        members.forEach(m -> health.put(m.client.name(),
                SourceHealth.unknown(m.client.name(), m.cluster, m.client.baseUrl().toString())));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Cluster names in the order they were added. */
    public Set<String> clusters() {
        Set<String> names = new LinkedHashSet<>();
        members.forEach(m -> names.add(m.cluster));
        return names;
    }

    /** Current health of every source, in the order added. */
    public Map<String, SourceHealth> health() {
        Map<String, SourceHealth> ordered = new LinkedHashMap<>();
        members.forEach(m -> ordered.put(m.client.name(), health.get(m.client.name())));
        return Collections.unmodifiableMap(ordered);
    }

    /**
     * Alerts of every source, one {@link MergedAlert} per cluster and fingerprint, sorted by cluster, alertname and
     * fingerprint. Peers are merged while their answers are decoded.
     */
    public FleetSnapshot alerts(AlertQuery query) {
        AlertMerge merge = new AlertMerge(clusters());
        boolean[] added = new boolean[members.size()];
        Map<Member, List<Alert>> answers = fetchAll((index, m) -> {
            AlertMerge.Cluster cluster = merge.cluster(m.cluster);
            List<Alert> own = new ArrayList<>();
            m.client.alerts(query, a -> {
                added[index] = true;
                own.add(a);
                cluster.add(index, a);
            });
            return own;
        });
        AlertMerge result = merge;
        boolean partial = false;
        for (int i = 0; i < members.size(); i++) {
            partial |= added[i] && !answers.containsKey(members.get(i));
        }
        if (partial) {
            // a peer failed halfway: merge again without its alerts (rare, so no need to be fast)
            result = new AlertMerge(clusters());
            for (int i = 0; i < members.size(); i++) {
                List<Alert> alerts = answers.get(members.get(i));
                if (alerts != null) {
                    AlertMerge.Cluster cluster = result.cluster(members.get(i).cluster);
                    for (Alert a : alerts) {
                        cluster.add(i, a);
                    }
                }
            }
        }
        List<MergedAlert> alerts = result.results(members.stream().map(m -> m.client.name()).toList());
        return new FleetSnapshot(alerts, health(), clock.instant());
    }

    /** Silences of every source matching {@code filter}, one {@link MergedSilence} per cluster and id. */
    public SilenceSnapshot silences(List<Matcher> filter) {
        Map<Member, List<Silence>> answers = fetchAll((i, m) -> m.client.silences(filter));
        PeerMerge<Silence> merge = new PeerMerge<>(Silence::id, Silence::updatedAt);
        answers.forEach((member, silences) -> silences.forEach(s -> merge.add(member.cluster, member.client.name(), s)));
        List<MergedSilence> silences = merge.results(MergedSilence::new).stream()
                .sorted(Comparator.comparing(MergedSilence::cluster)
                        .thenComparing(m -> m.silence().endsAt(), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(m -> m.silence().id()))
                .toList();
        return new SilenceSnapshot(silences, health(), clock.instant());
    }

    /**
     * Creates (or updates) a silence once per cluster: on the first peer whose last call succeeded, falling back to
     * the next when one fails. A 4xx answer is final: every peer would say the same.
     *
     * @return the id the accepting peer answered
     * @throws AlertmanagerException the rejection, or the last peer's failure (earlier ones attached as suppressed)
     */
    public String createSilenceOnCluster(String cluster, SilenceSpec spec) {
        return onCluster(cluster, c -> c.createOrUpdateSilence(spec));
    }

    /** Expires a silence once for the cluster, with the same fallback as {@link #createSilenceOnCluster}. */
    public void expireSilenceOnCluster(String cluster, String id) {
        onCluster(cluster, c -> {
            c.expireSilence(id);
            return id;
        });
    }

    private <T> T onCluster(String cluster, Function<AlertmanagerClient, T> call) {
        List<Member> peers = members.stream().filter(m -> m.cluster.equals(cluster))
                .sorted(Comparator.comparing((Member m) -> !health.get(m.client.name()).healthy()))
                .toList();
        if (peers.isEmpty()) {
            throw new IllegalArgumentException("unknown Alertmanager cluster '" + cluster + "'; known: " + clusters());
        }
        List<AlertmanagerException> failures = new ArrayList<>();
        for (Member peer : peers) {
            try {
                T result = call.apply(peer.client);
                record(peer, null);
                return result;
            } catch (AlertmanagerException e) {
                if (e.isRequestRejected()) {
                    record(peer, null);
                    throw e;
                }
                record(peer, e.getMessage());
                LOG.info("{}; trying the next peer of cluster {}", e.getMessage(), cluster);
                failures.add(e);
            }
        }
        AlertmanagerException last = failures.removeLast();
        failures.forEach(last::addSuppressed);
        throw last;
    }

    private <T> Map<Member, T> fetchAll(java.util.function.BiFunction<Integer, Member, T> call) {
        Map<Member, Future<T>> pending = new LinkedHashMap<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < members.size(); i++) {
                int index = i;
                Member m = members.get(i);
                pending.put(m, threads.submit(() -> call.apply(index, m)));
            }
        } // waits; each call ends within its client's timeout
        Map<Member, T> answers = new LinkedHashMap<>();
        pending.forEach((member, future) -> {
            try {
                answers.put(member, future.get());
                record(member, null);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                String message = cause instanceof AlertmanagerException ? cause.getMessage()
                        : "Alertmanager " + member.client.name() + " failed unexpectedly: " + cause;
                LOG.debug(message); // reported through SourceHealth, not twice
                record(member, message);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                record(member, "interrupted while asking Alertmanager " + member.client.name());
            }
        });
        return answers;
    }

    private void record(Member member, String error) {
        Instant now = clock.instant();
        health.compute(member.client.name(), (k, old) -> error == null ? old.succeeded(now) : old.failed(now, error));
    }

    /** Closes the clients unless the builder said otherwise. */
    @Override
    public void close() {
        if (closeClients) {
            members.forEach(m -> m.client.close());
        }
    }

    /** Which Alertmanagers belong to which cluster. */
    public static final class Builder {
        private final List<Member> members = new ArrayList<>();
        private boolean closeClients = true;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Adds an Alertmanager to a cluster (HA peers share a cluster name). Source names must be unique. */
        public Builder add(String cluster, AlertmanagerClient client) {
            Objects.requireNonNull(cluster, "cluster");
            Objects.requireNonNull(client, "client");
            if (members.stream().anyMatch(m -> m.client.name().equals(client.name()))) {
                throw new IllegalArgumentException("two Alertmanagers are named '" + client.name()
                        + "'; give each a unique name()");
            }
            members.add(new Member(cluster, client));
            return this;
        }

        /** Whether {@link AlertmanagerFleet#close()} closes the clients. Default: {@code true}. */
        public Builder closeClients(boolean closeClients) {
            this.closeClients = closeClients;
            return this;
        }

        /** Clock for freshness times. Default: the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public AlertmanagerFleet build() {
            if (members.isEmpty()) {
                throw new IllegalStateException("an Alertmanager fleet needs at least one Alertmanager");
            }
            return new AlertmanagerFleet(this);
        }
    }
}
