package io.opsdeck.alertmanager;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For benchmarks: {@link AlertmanagerFleet#alerts}'s own steps on saved answers, one after the other on the calling
 * thread, with the thread CPU time of each, so OpsDeck's share is known whatever else runs on the machine.
 */
public final class FleetSteps {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private FleetSteps() {
    }

    /**
     * Decodes each peer's {@code GET /api/v2/alerts} answer into the merge, as the fleet's per-peer threads do, then
     * builds the sorted merged list, for one cluster {@code eu} of peers {@code am-0, am-1, ...}.
     *
     * @param cpu receives the thread CPU nanoseconds of each answer's decode + merge, then of building the result
     */
    public static FleetSnapshot merge(List<byte[]> answers, long[] cpu) throws IOException {
        AlertMerge merge = new AlertMerge(Set.of("eu"));
        AlertMerge.Cluster cluster = merge.cluster("eu");
        List<String> names = new ArrayList<>();
        Map<String, SourceHealth> health = new LinkedHashMap<>();
        Instant now = Instant.now();
        for (int i = 0; i < answers.size(); i++) {
            int peer = i;
            long a = THREADS.getCurrentThreadCpuTime();
            try (var parser = Wire.JSON.getFactory().createParser(answers.get(i))) {
                AlertsDecoder.decode(parser, alert -> cluster.add(peer, alert));
            }
            cpu[i] = THREADS.getCurrentThreadCpuTime() - a;
            names.add("am-" + i);
            health.put("am-" + i, SourceHealth.unknown("am-" + i, "eu", "http://127.0.0.1/" + i).succeeded(now));
        }
        long a = THREADS.getCurrentThreadCpuTime();
        FleetSnapshot snapshot = new FleetSnapshot(merge.results(names), health, now);
        cpu[answers.size()] = THREADS.getCurrentThreadCpuTime() - a;
        return snapshot;
    }

    /** Silences of a saved {@code GET /api/v2/silences} answer, as one cluster {@code eu} of peer {@code am-0}. */
    public static SilenceSnapshot silences(byte[] answer, FleetSnapshot alerts) throws IOException {
        List<Wire.WSilence> wire = Wire.JSON.readValue(answer, new com.fasterxml.jackson.core.type.TypeReference<>() { });
        return new SilenceSnapshot(wire.stream().map(w -> new MergedSilence(w.toSilence(), "eu", Set.of("am-0"))).toList(),
                alerts.health(), alerts.fetchedAt());
    }
}
