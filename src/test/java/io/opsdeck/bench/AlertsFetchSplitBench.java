package io.opsdeck.bench;

import io.opsdeck.alertmanager.AlertQuery;
import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.alertmanager.FleetSnapshot;
import io.opsdeck.alertmanager.Matcher;
import io.opsdeck.alertmanager.PostableAlert;
import io.opsdeck.alertmanager.SilenceSpec;
import io.opsdeck.simulate.stack.AlertmanagerServer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Alertmanager's alert list fetched in k = 1, 2, 3 concurrent requests ({@code AlertmanagerClient.fetchParts}),
 * against the same Alertmanagers in the same run: a standalone and an HA pair, each given the same N alerts
 * ({@link AlertLoad}) and 4 silences. Per round, in an order rotated round by round: the standalone's raw
 * {@code GET /api/v2/alerts} (bytes only), then OpsDeck's fetch + decode + dedupe ({@code AlertmanagerFleet.alerts})
 * of the standalone and of the pair with k = 1, 2, 3. Wall time, this JVM's CPU time and the Alertmanagers' CPU
 * time ({@code /proc/<pid>/stat}) per step; medians after one warm-up round (which also gives the split its counts).
 * Not a test: run it as docs/performance.md says. Args: [alerts=100000] [rounds=5].
 */
public final class AlertsFetchSplitBench {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private interface Step {
        void run() throws Exception;
    }

    private AlertsFetchSplitBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("opsdeck-split-bench-");
        List<AlertmanagerServer> servers = new ArrayList<>();
        List<AlertmanagerClient> clients = new ArrayList<>();
        try {
            servers.add(AlertmanagerServer.start(dir.resolve("single"), AlertsWorkspaceBench.CONFIG));
            servers.addAll(AlertmanagerServer.startCluster(dir.resolve("pair"), 2, AlertsWorkspaceBench.CONFIG));
            long[] pids = servers.stream().mapToLong(AlertmanagerServer::pid).toArray();
            // fleets by k: each client remembers its own previous answer's alertname counts
            Map<String, AlertmanagerFleet> fleets = new LinkedHashMap<>();
            for (int k = 1; k <= 3; k++) {
                AlertmanagerClient solo = client(servers.get(0), "single-k" + k, k);
                AlertmanagerClient a = client(servers.get(1), "am-1-k" + k, k);
                AlertmanagerClient b = client(servers.get(2), "am-2-k" + k, k);
                clients.addAll(List.of(solo, a, b));
                fleets.put("OpsDeck, standalone, k=" + k,
                        AlertmanagerFleet.builder().add("solo", solo).closeClients(false).build());
                fleets.put("OpsDeck, HA pair, k=" + k,
                        AlertmanagerFleet.builder().add("eu", a).add("eu", b).closeClients(false).build());
            }
            post(count, List.of(clients.get(0), clients.get(1), clients.get(2)));
            URI one = servers.get(0).baseUrl().resolve("/api/v2/alerts");

            Map<String, Step> steps = new LinkedHashMap<>();
            steps.put("raw GET, standalone", () -> Timings.rawGet(one));
            fleets.forEach((name, fleet) -> steps.put(name, () -> fetch(fleet, count)));
            List<String> names = List.copyOf(steps.keySet());
            long[][][] costs = new long[names.size()][3][rounds]; // wall, JVM CPU, Alertmanagers' CPU
            for (int r = -1; r < rounds; r++) {
                StringBuilder line = new StringBuilder(String.format("round %d (load %.1f):", r,
                        OS.getSystemLoadAverage()));
                for (int j = 0; j < names.size(); j++) {
                    int i = Math.floorMod(j + r, names.size()); // rotated: no step always follows the same one
                    long amCpu = amCpu(pids);
                    long cpu = OS.getProcessCpuTime();
                    long a = System.nanoTime();
                    steps.get(names.get(i)).run();
                    long[] c = {System.nanoTime() - a, OS.getProcessCpuTime() - cpu, (amCpu(pids) - amCpu) * 1_000_000};
                    line.append(String.format(" [%s] %.0f ms (JVM %.0f, AM %.0f);", names.get(i), c[0] / 1e6,
                            c[1] / 1e6, c[2] / 1e6));
                    if (r >= 0) {
                        for (int m = 0; m < 3; m++) {
                            costs[i][m][r] = c[m];
                        }
                    }
                }
                System.out.println(line);
            }
            System.out.printf("%nRESULT alerts=%,d rounds=%d, load average now %.1f%n", count, rounds,
                    OS.getSystemLoadAverage());
            System.out.println("median of the rounds: wall / this JVM's CPU / the Alertmanagers' CPU (all three)");
            for (int i = 0; i < names.size(); i++) {
                System.out.printf("  %-28s %,7.0f ms / %,6.0f ms / %,6.0f ms%n", names.get(i),
                        median(costs[i][0]) / 1e6, median(costs[i][1]) / 1e6, median(costs[i][2]) / 1e6);
            }
            for (String where : new String[] {"standalone", "HA pair"}) {
                int base = names.indexOf("OpsDeck, " + where + ", k=1");
                for (int k = 2; k <= 3; k++) {
                    int split = names.indexOf("OpsDeck, " + where + ", k=" + k);
                    System.out.printf("  %s k=%d minus k=1, median of per-round differences: wall %+.0f ms,"
                            + " AM CPU %+.0f ms%n", where, k, medianDiff(costs[split][0], costs[base][0]) / 1e6,
                            medianDiff(costs[split][2], costs[base][2]) / 1e6);
                }
            }
        } finally {
            clients.forEach(AlertmanagerClient::close);
            servers.forEach(AlertmanagerServer::close);
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static AlertmanagerClient client(AlertmanagerServer server, String name, int parts) {
        return AlertmanagerClient.builder(server.baseUrl()).name(name).timeout(Duration.ofMinutes(5))
                .maxResponseBytes(2L << 30).fetchParts(parts).build();
    }

    private static void fetch(AlertmanagerFleet fleet, int expected) {
        FleetSnapshot raw = fleet.alerts(AlertQuery.all());
        if (!raw.failedSources().isEmpty() || raw.alerts().size() != expected) {
            throw new IllegalStateException("fetch got " + raw.alerts().size() + " alerts, failed: "
                    + raw.failedSources());
        }
    }

    /** The same alerts and silences into the standalone and both pair peers, as in AlertsWorkspaceBench. */
    private static void post(int count, List<AlertmanagerClient> clients) throws Exception {
        Instant now = Instant.now();
        List<PostableAlert> alerts = AlertLoad.generate(count, 42, now, now.plus(Duration.ofHours(6)));
        for (int from = 0; from < alerts.size(); from += 1000) {
            List<PostableAlert> batch = alerts.subList(from, Math.min(alerts.size(), from + 1000));
            clients.forEach(c -> c.postAlerts(batch));
        }
        for (String name : new String[] {"HostRebooted", "Watchdog", "HttpNoTraffic", "RedisRestarted"}) {
            SilenceSpec spec = SilenceSpec.of(List.of(Matcher.equal("alertname", name)), Duration.ofHours(2), "bench",
                    name.equals("Watchdog") ? "ACK! bench (via OpsDeck)" : "bench");
            clients.get(0).createOrUpdateSilence(spec);
            clients.get(1).createOrUpdateSilence(spec); // the pair gossips it to the second peer
        }
        Thread.sleep(2000);
        System.out.printf("posted %,d alerts and 4 silences to a standalone Alertmanager and an HA pair%n", count);
    }

    /** utime + stime of the processes, in ms. */
    private static long amCpu(long[] pids) throws java.io.IOException {
        long sum = 0;
        for (long pid : pids) {
            sum += AlertmanagerProfile.procCpuMillis(pid);
        }
        return sum;
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static long medianDiff(long[] a, long[] b) {
        long[] d = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return median(d);
    }
}
