package io.opsdeck.alertmanager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Merges the alerts of a fleet's peers while they are decoded (each peer's decoding thread adds its alerts as they
 * arrive, so merging overlaps the other peers' transfers): one slot per cluster and fingerprint, the most recently
 * updated copy wins (on a tie, the peer added to the fleet first) and every reporting peer is remembered.
 * {@link Cluster#add} is thread-safe for distinct peers (one thread per peer).
 */
final class AlertMerge {

    /** One alert of a cluster; guarded by itself. */
    static final class Slot {
        private Alert newest;
        private int winner;
        private long peers;
        private BitSet morePeers; // peers from index 64 on: fleets that large are rare

        private Slot(Alert alert, int peer) {
            newest = alert;
            winner = peer;
            mark(peer);
        }

        private void mark(int peer) {
            if (peer < 64) {
                peers |= 1L << peer;
            } else {
                if (morePeers == null) {
                    morePeers = new BitSet();
                }
                morePeers.set(peer);
            }
        }

        Alert alert() {
            return newest;
        }
    }

    /** The slots of one cluster, and per peer the slots it created, in its answer's order. */
    static final class Cluster {
        private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>(1024);
        private final Map<Integer, List<Slot>> created = new ConcurrentHashMap<>();

        /** Adds one peer's alert; each peer from one thread at a time. */
        void add(int peer, Alert alert) {
            Slot s = slots.get(alert.fingerprint());
            if (s == null) {
                Slot fresh = new Slot(alert, peer);
                s = slots.putIfAbsent(alert.fingerprint(), fresh);
                if (s == null) {
                    created.computeIfAbsent(peer, k -> new ArrayList<>()).add(fresh);
                    return;
                }
            }
            synchronized (s) {
                s.mark(peer);
                if (wins(alert, peer, s.newest, s.winner)) {
                    s.newest = alert;
                    s.winner = peer;
                }
            }
        }
    }

    private final Map<String, Cluster> clusters = new HashMap<>();

    AlertMerge(Set<String> clusterNames) {
        clusterNames.forEach(c -> clusters.put(c, new Cluster()));
    }

    Cluster cluster(String name) {
        return clusters.get(name);
    }

    /**
     * The merged alerts sorted by cluster, alertname and fingerprint. Call after every {@link #add} has returned.
     *
     * @param peerNames source names by the peer index given to {@link Cluster#add}
     */
    List<MergedAlert> results(List<String> peerNames) {
        Map<Long, Set<String>> sourceSets = new HashMap<>();
        int total = 0;
        for (Cluster c : clusters.values()) {
            total += c.slots.size();
        }
        List<MergedAlert> out = new ArrayList<>(total);
        for (String name : new TreeSet<>(clusters.keySet())) {
            // Buckets by alertname (few distinct), each sorted by fingerprint: far cheaper than one sort of
            // 100,000 alerts by a comparator that looks the alertname up in the label map at every comparison.
            Map<String, List<MergedAlert>> byName = new TreeMap<>();
            // Alertmanager answers in fingerprint order: walking each peer's new slots in answer order leaves a
            // bucket as at most one sorted run per peer, which the sort below merges in linear time.
            Cluster cluster = clusters.get(name);
            for (List<Slot> ofPeer : new TreeMap<>(cluster.created).values()) {
                for (Slot s : ofPeer) {
                    Set<String> sources = s.morePeers == null
                            ? sourceSets.computeIfAbsent(s.peers, mask -> sources(mask, null, peerNames))
                            : sources(s.peers, s.morePeers, peerNames);
                    byName.computeIfAbsent(s.newest.alertname(), k -> new ArrayList<>())
                            .add(new MergedAlert(s.newest, name, sources));
                }
            }
            for (List<MergedAlert> bucket : byName.values()) {
                bucket.sort(BY_FINGERPRINT);
                out.addAll(bucket);
            }
        }
        return out;
    }

    private static final Comparator<MergedAlert> BY_FINGERPRINT = (a, b) -> a.alert().fingerprint()
            .compareTo(b.alert().fingerprint());

    private static Set<String> sources(long mask, BitSet more, List<String> peerNames) {
        TreeSet<String> names = new TreeSet<>();
        for (int i = 0; i < Math.min(64, peerNames.size()); i++) {
            if ((mask & (1L << i)) != 0) {
                names.add(peerNames.get(i));
            }
        }
        if (more != null) {
            more.stream().forEach(i -> names.add(peerNames.get(i)));
        }
        return SourceSets.sorted(names);
    }

    /** Newer {@code updatedAt} wins (a missing one never does); on a tie the peer added first. */
    private static boolean wins(Alert candidate, int peer, Alert current, int currentPeer) {
        Instant c = candidate.updatedAt();
        Instant o = current.updatedAt();
        if (c == null) {
            return o == null && peer < currentPeer;
        }
        if (o == null) {
            return true;
        }
        int cmp = c.compareTo(o);
        return cmp > 0 || cmp == 0 && peer < currentPeer;
    }
}
