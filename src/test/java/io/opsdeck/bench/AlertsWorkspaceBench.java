package io.opsdeck.bench;

import io.opsdeck.alertmanager.AlertQuery;
import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.alertmanager.FleetSnapshot;
import io.opsdeck.alertmanager.FleetSteps;
import io.opsdeck.alertmanager.Matcher;
import io.opsdeck.alertmanager.PostableAlert;
import io.opsdeck.alertmanager.SilenceSpec;
import io.opsdeck.alertmanager.SilenceSnapshot;
import io.opsdeck.alerts.AlertView;
import io.opsdeck.alerts.AlertWorkspace;
import io.opsdeck.alerts.FilterState;
import io.opsdeck.alerts.Grouping;
import io.opsdeck.alerts.WorkspaceSnapshot;
import io.opsdeck.simulate.stack.AlertmanagerServer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Posts N synthetic alerts (default 100,000) into real Alertmanagers, one standalone and an HA pair (both peers get
 * every alert, as from Prometheus), then measures, round after round in the same run: the standalone's raw
 * {@code GET /api/v2/alerts} (bytes only) against OpsDeck's fetch + decode + dedupe + rows + grouping of it; both
 * peers' raw GETs in parallel against OpsDeck on the pair; {@code amtool alert query -o json} on the standalone.
 * Wall time and this JVM's CPU time (all its threads, GC included) per step; then OpsDeck's own steps on the saved
 * answers, on one thread, by thread CPU time (independent of the machine's load); then (unless {@code fetch})
 * filter keystrokes and the heap held. Not a test: run it as docs/performance.md says.
 * Args: [alerts=100000] [rounds=5] [fetch: skip keystrokes and heap].
 */
public final class AlertsWorkspaceBench {

    /** Production-like timers: the test config's 1 s group interval would re-flush 100k alerts every second. */
    static final String CONFIG = """
            route:
              receiver: 'null'
              group_by: ['alertname']
              group_wait: 30s
              group_interval: 5m
              repeat_interval: 4h
            receivers:
              - name: 'null'
            """;

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Wall and process CPU nanoseconds of one measured step. */
    private record Cost(long wall, long cpu) {
    }

    private interface Step {
        void run() throws Exception;
    }

    private static Cost measure(Step step) throws Exception {
        long cpu = OS.getProcessCpuTime();
        long a = System.nanoTime();
        step.run();
        return new Cost(System.nanoTime() - a, OS.getProcessCpuTime() - cpu);
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        boolean fetchOnly = args.length > 2 && args[2].equals("fetch");
        Path dir = Files.createTempDirectory("opsdeck-alerts-bench-");
        List<AlertmanagerServer> servers = new ArrayList<>();
        List<AlertmanagerClient> clients = new ArrayList<>();
        try {
            servers.add(AlertmanagerServer.start(dir.resolve("single"), CONFIG));
            servers.addAll(AlertmanagerServer.startCluster(dir.resolve("pair"), 2, CONFIG));
            // The client's timeout is also its read timeout: Alertmanager writes nothing until its whole answer is
            // built, which takes seconds at 100,000 alerts.
            for (int i = 0; i < servers.size(); i++) {
                clients.add(AlertmanagerClient.builder(servers.get(i).baseUrl()).name(i == 0 ? "single" : "am-" + i)
                        .timeout(Duration.ofMinutes(5)).maxResponseBytes(2L << 30).build());
            }
            AlertmanagerFleet single = AlertmanagerFleet.builder().add("solo", clients.get(0)).closeClients(false).build();
            AlertmanagerFleet pair = AlertmanagerFleet.builder().add("eu", clients.get(1)).add("eu", clients.get(2))
                    .closeClients(false).build();
            post(count, clients, single, pair);
            URI one = servers.get(0).baseUrl().resolve("/api/v2/alerts");
            List<URI> both = List.of(servers.get(1).baseUrl().resolve("/api/v2/alerts"),
                    servers.get(2).baseUrl().resolve("/api/v2/alerts"));

            String[] names = {"raw GET, standalone", "OpsDeck, standalone", "raw GETs, pair in parallel",
                "OpsDeck, pair", "amtool, standalone"};
            Cost[][] costs = new Cost[names.length][rounds];
            int[] rows = new int[2];
            for (int r = -1; r < rounds; r++) { // round -1 warms the JIT
                Cost[] c = {
                    measure(() -> Timings.rawGet(one)),
                    measure(() -> rows[0] = opsdeck(single)),
                    measure(() -> Timings.rawGetAll(both)),
                    measure(() -> rows[1] = opsdeck(pair)),
                    measure(() -> Timings.amtool(servers.get(0).baseUrl().toString(), false)),
                };
                System.out.printf("round %d (load %.1f):", r, OS.getSystemLoadAverage());
                for (int i = 0; i < c.length; i++) {
                    System.out.printf(" %s %.0f ms (CPU %.0f);", names[i], c[i].wall / 1e6, c[i].cpu / 1e6);
                    if (r >= 0) {
                        costs[i][r] = c[i];
                    }
                }
                System.out.println();
            }
            long[] steps = steps(both, servers.get(1).baseUrl().resolve("/api/v2/silences"), rounds);

            System.out.printf("%nRESULT alerts=%,d rounds=%d rows standalone=%,d pair=%,d, load average now %.1f%n",
                    count, rounds, rows[0], rows[1], OS.getSystemLoadAverage());
            System.out.println("median of the rounds, wall / this JVM's CPU (all threads, GC included):");
            for (int i = 0; i < names.length; i++) {
                System.out.printf("  %-28s %,7.0f ms / %,5.0f ms%n", names[i], median(costs[i], Cost::wall) / 1e6,
                        median(costs[i], Cost::cpu) / 1e6);
            }
            System.out.printf("OpsDeck above the raw GET (median of per-round differences), wall / CPU: standalone"
                    + " %+.0f / %+.0f ms, pair %+.0f / %+.0f ms%n",
                    medianDiff(costs[1], costs[0], Cost::wall) / 1e6, medianDiff(costs[1], costs[0], Cost::cpu) / 1e6,
                    medianDiff(costs[3], costs[2], Cost::wall) / 1e6, medianDiff(costs[3], costs[2], Cost::cpu) / 1e6);
            System.out.printf("ratio OpsDeck / amtool (medians): standalone %.2f, pair %.2f%n",
                    (double) median(costs[1], Cost::wall) / median(costs[4], Cost::wall),
                    (double) median(costs[3], Cost::wall) / median(costs[4], Cost::wall));
            System.out.printf("OpsDeck's own steps on the pair's saved answers, one thread, thread CPU (median of %d):"
                    + " decode+merge peer 1 %.0f ms, peer 2 %.0f ms, merged list %.0f ms, rows %.0f ms, group %.0f ms;"
                    + " total %.0f ms%n", rounds, steps[0] / 1e6, steps[1] / 1e6, steps[2] / 1e6, steps[3] / 1e6,
                    steps[4] / 1e6, (steps[0] + steps[1] + steps[2] + steps[3] + steps[4]) / 1e6);
            if (!fetchOnly) {
                keystrokesAndHeap(pair);
            }
        } finally {
            clients.forEach(AlertmanagerClient::close);
            servers.forEach(AlertmanagerServer::close);
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void post(int count, List<AlertmanagerClient> clients, AlertmanagerFleet single,
                             AlertmanagerFleet pair) throws Exception {
        Instant now = Instant.now();
        List<PostableAlert> alerts = AlertLoad.generate(count, 42, now, now.plus(Duration.ofHours(6)));
        long t0 = System.nanoTime();
        for (int from = 0; from < alerts.size(); from += 1000) {
            List<PostableAlert> batch = alerts.subList(from, Math.min(alerts.size(), from + 1000));
            clients.forEach(c -> c.postAlerts(batch));
        }
        System.out.printf("posted %,d alerts to %d Alertmanagers in batches of 1,000: %.1f s%n", count, clients.size(),
                (System.nanoTime() - t0) / 1e9);
        // A few silences (one an acknowledgement) so rows carry silence and ack state, as in real life.
        for (String name : new String[] {"HostRebooted", "Watchdog", "HttpNoTraffic", "RedisRestarted"}) {
            SilenceSpec spec = SilenceSpec.of(List.of(Matcher.equal("alertname", name)), Duration.ofHours(2), "bench",
                    name.equals("Watchdog") ? "ACK! bench (via OpsDeck)" : "bench");
            single.createSilenceOnCluster("solo", spec);
            pair.createSilenceOnCluster("eu", spec);
        }
        Thread.sleep(2000); // gossip
    }

    /** What the Alerts workspace does per refresh: alerts and silences, rows, the default view. */
    private static int opsdeck(AlertmanagerFleet fleet) {
        FleetSnapshot raw = fleet.alerts(AlertQuery.all());
        if (!raw.failedSources().isEmpty()) {
            throw new IllegalStateException("fetch failed: " + raw.failedSources());
        }
        SilenceSnapshot silences = fleet.silences(List.of());
        WorkspaceSnapshot snap = AlertWorkspace.snapshotOf(raw, silences, List.of(), Duration.ofSeconds(30));
        AlertView view = snap.view(FilterState.initial().applied(), Grouping.DEFAULT);
        return view.total();
    }

    /** OpsDeck's steps on the pair's saved answers: median thread CPU of decode+merge per peer, list, rows, group. */
    private static long[] steps(List<URI> alerts, URI silencesUrl, int rounds) throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        for (URI u : alerts) {
            bodies.add(Timings.download(u));
        }
        byte[] silenceBody = Timings.download(silencesUrl);
        var threads = ManagementFactory.getThreadMXBean();
        long[][] t = new long[5][rounds];
        for (int r = -1; r < rounds; r++) {
            long[] cpu = new long[3];
            FleetSnapshot merged = FleetSteps.merge(bodies, cpu);
            SilenceSnapshot silences = FleetSteps.silences(silenceBody, merged);
            long a = threads.getCurrentThreadCpuTime();
            WorkspaceSnapshot snap = AlertWorkspace.snapshotOf(merged, silences, List.of(), Duration.ofSeconds(30));
            long b = threads.getCurrentThreadCpuTime();
            snap.view(FilterState.initial().applied(), Grouping.DEFAULT);
            long c = threads.getCurrentThreadCpuTime();
            if (r >= 0) {
                t[0][r] = cpu[0];
                t[1][r] = cpu[1];
                t[2][r] = cpu[2];
                t[3][r] = b - a;
                t[4][r] = c - b;
            }
        }
        long[] out = new long[5];
        for (int i = 0; i < 5; i++) {
            Arrays.sort(t[i]);
            out[i] = t[i][rounds / 2];
        }
        return out;
    }

    private static void keystrokesAndHeap(AlertmanagerFleet pair) throws Exception {
        AlertWorkspace workspace = AlertWorkspace.builder(pair).refreshInterval(Duration.ofSeconds(30)).build();
        long refresh0 = System.nanoTime();
        WorkspaceSnapshot snap = workspace.refresh();
        System.out.printf("AlertWorkspace.refresh() (alerts and silences fetched in parallel), pair: %.0f ms%n",
                (System.nanoTime() - refresh0) / 1e6);
        FleetSnapshot lastRaw = pair.alerts(AlertQuery.all());
        SilenceSnapshot lastSilences = pair.silences(List.of());
        workspace = null; // its last fetch is a second copy of every alert; the heap figure is for one workspace
        List<String> typed = Keystrokes.sequence();
        long[] keys = new long[typed.size() * 3];
        int k = 0;
        for (int pass = 0; pass < 4; pass++) {
            // a fresh snapshot per pass, as after a refresh: nothing remembered from the previous pass
            snap = AlertWorkspace.snapshotOf(lastRaw, lastSilences, List.of(), Duration.ofSeconds(30));
            FilterState state = FilterState.initial();
            for (String text : typed) {
                long a = System.nanoTime();
                state = state.edit(text);
                snap.view(state.applied(), Grouping.DEFAULT);
                long d = System.nanoTime() - a;
                if (pass > 0) {
                    keys[k++] = d; // the first pass warms the JIT
                }
            }
        }
        Arrays.sort(keys);
        lastRaw = null;
        lastSilences = null;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("keystroke (edit + re-filter + regroup) over %d keystrokes x 3: p50 %.1f ms, p95 %.1f ms,"
                + " max %.1f ms%n", typed.size(), Timings.pct(keys, 50) / 1e6, Timings.pct(keys, 95) / 1e6,
                keys[keys.length - 1] / 1e6);
        System.out.printf("heap used after GC, one snapshot of %,d rows held: %.0f MB%n", snap.rows().size(), heap / 1e6);
        System.out.println(snap); // keeps the snapshot reachable until after the heap reading
    }

    private static long median(Cost[] costs, java.util.function.ToLongFunction<Cost> f) {
        long[] v = Arrays.stream(costs).mapToLong(f).sorted().toArray();
        return v[v.length / 2];
    }

    private static long medianDiff(Cost[] a, Cost[] b, java.util.function.ToLongFunction<Cost> f) {
        long[] v = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            v[i] = f.applyAsLong(a[i]) - f.applyAsLong(b[i]);
        }
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
