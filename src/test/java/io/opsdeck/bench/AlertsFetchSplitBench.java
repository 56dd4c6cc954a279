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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Can Alertmanager answer 100,000 alerts sooner when asked in k concurrent parts? Against a standalone Alertmanager
 * and an HA pair, each given the same N alerts ({@link AlertLoad}) and 4 silences, per round in an order rotated
 * round by round: raw {@code GET /api/v2/alerts} (bytes dropped) of the whole list (k = 1) and in k = 2, 3
 * concurrent requests whose {@code alertname} filters partition it exactly (the names in k runs of equal counts,
 * the last part their complement); the pair's peers asked at the same time; then OpsDeck's fetch + decode +
 * dedupe ({@code AlertmanagerFleet.alerts}) of each as the reference. Wall time, this JVM's CPU time and the
 * Alertmanagers' CPU time ({@code /proc/<pid>/stat}); medians after one warm-up round. A split fetch in OpsDeck
 * (tried in commit 2392359) cannot beat the raw split rows: they are Alertmanager's side of it without OpsDeck's
 * decoding. Not a test: run it as docs/performance.md says. Args: [alerts=100000] [rounds=5].
 */
public final class AlertsFetchSplitBench {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Only the warm-up round counts the alerts in the parts (an exact partition), so measured rounds only download. */
    private static boolean verify;

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
            for (int i = 0; i < servers.size(); i++) {
                clients.add(AlertmanagerClient.builder(servers.get(i).baseUrl()).name(i == 0 ? "single" : "am-" + i)
                        .timeout(Duration.ofMinutes(5)).maxResponseBytes(2L << 30).build());
            }
            AlertmanagerFleet single = AlertmanagerFleet.builder().add("solo", clients.get(0)).closeClients(false)
                    .build();
            AlertmanagerFleet pair = AlertmanagerFleet.builder().add("eu", clients.get(1)).add("eu", clients.get(2))
                    .closeClients(false).build();
            post(count, clients);

            Map<String, Step> steps = new LinkedHashMap<>();
            for (int k = 1; k <= 3; k++) {
                List<URI> solo = parts(servers.get(0), k);
                List<URI> both = new ArrayList<>(parts(servers.get(1), k));
                both.addAll(parts(servers.get(2), k));
                steps.put("raw, standalone, k=" + k, () -> rawAll(solo, count));
                steps.put("raw, HA pair, k=" + k, () -> rawAll(both, 2 * count));
            }
            steps.put("OpsDeck fetch, standalone", () -> fetch(single, count));
            steps.put("OpsDeck fetch, HA pair", () -> fetch(pair, count));
            List<String> names = List.copyOf(steps.keySet());
            long[][][] costs = new long[names.size()][3][rounds]; // wall, JVM CPU, Alertmanagers' CPU
            for (int r = -1; r < rounds; r++) {
                StringBuilder line = new StringBuilder(String.format("round %d (load %.1f):", r,
                        OS.getSystemLoadAverage()));
                verify = r < 0;
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
                int base = names.indexOf("raw, " + where + ", k=1");
                for (int k = 2; k <= 3; k++) {
                    int split = names.indexOf("raw, " + where + ", k=" + k);
                    System.out.printf("  raw %s k=%d minus k=1, median of per-round differences: wall %+.0f ms,"
                            + " Alertmanager CPU %+.0f ms%n", where, k,
                            medianDiff(costs[split][0], costs[base][0]) / 1e6,
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

    /** The alerts URL of one Alertmanager in k parts: k-1 runs of names, then their complement (exact). */
    static List<URI> parts(AlertmanagerServer server, int k) {
        List<String> names = List.of(AlertLoad.NAMES); // AlertLoad gives every name the same count (within 1)
        List<URI> out = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < k - 1; i++) {
            List<String> part = names.subList(i * names.size() / k, (i + 1) * names.size() / k);
            taken.addAll(part);
            out.add(alerts(server, "alertname=~\"" + String.join("|", part) + "\""));
        }
        out.add(k == 1 ? server.baseUrl().resolve("/api/v2/alerts")
                : alerts(server, "alertname!~\"" + String.join("|", taken) + "\""));
        return out;
    }

    private static URI alerts(AlertmanagerServer server, String filter) {
        return server.baseUrl().resolve("/api/v2/alerts?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
    }

    /** Downloads every URL at once; in the warm-up round, checks the parts hold exactly the expected alerts. */
    private static void rawAll(List<URI> urls, int expected) {
        if (!verify) {
            urls.stream().map(u -> HTTP.sendAsync(HttpRequest.newBuilder(u).build(),
                    HttpResponse.BodyHandlers.discarding())).toList().forEach(CompletableFuture::join);
            return;
        }
        List<CompletableFuture<HttpResponse<byte[]>>> all = urls.stream()
                .map(u -> HTTP.sendAsync(HttpRequest.newBuilder(u).build(), HttpResponse.BodyHandlers.ofByteArray()))
                .toList();
        int alerts = 0;
        for (CompletableFuture<HttpResponse<byte[]>> f : all) {
            alerts += count(f.join().body(), "\"fingerprint\":".getBytes(StandardCharsets.US_ASCII));
        }
        if (alerts != expected) {
            throw new IllegalStateException("the parts held " + alerts + " alerts, expected " + expected);
        }
    }

    private static int count(byte[] body, byte[] needle) {
        int n = 0;
        outer:
        for (int i = 0; i <= body.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (body[i + j] != needle[j]) {
                    continue outer;
                }
            }
            n++;
            i += needle.length - 1;
        }
        return n;
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
