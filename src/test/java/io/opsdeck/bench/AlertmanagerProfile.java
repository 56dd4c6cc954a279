package io.opsdeck.bench;

import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.alertmanager.Matcher;
import io.opsdeck.alertmanager.PostableAlert;
import io.opsdeck.alertmanager.SilenceSpec;
import io.opsdeck.simulate.stack.AlertmanagerServer;
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
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where does Alertmanager spend its time answering {@code GET /api/v2/alerts}? Starts one real Alertmanager 0.25
 * (the bench's production-like config), posts N alerts ({@link AlertLoad}) and 4 silences, then for each query
 * variant: GETs in a loop while Alertmanager's own CPU profile ({@code /debug/pprof/profile}) is recorded, and
 * prints per GET the wall time and Alertmanager's CPU time (from {@code /proc/<pid>/stat}). The profiles are
 * written to {@code target/am-profile-<variant>.pb.gz}; read them with {@code go tool pprof -top} (Debian
 * package golang-go). Not a test: run it as docs/performance.md says.
 * Args: [alerts=100000] [seconds per profile=20] [variants: comma-separated query strings, "-" for none; or
 * "hold": keep the Alertmanager up that many seconds for curl and pprof by hand]. Split fetches:
 * {@link AlertsFetchSplitBench}.
 */
public final class AlertmanagerProfile {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AlertmanagerProfile() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String[] variants = (args.length > 2 ? args[2] : "-").split(",");
        Path dir = Files.createTempDirectory("opsdeck-am-profile-");
        try (AlertmanagerServer am = AlertmanagerServer.start(dir, AlertsWorkspaceBench.CONFIG);
             AlertmanagerClient client = AlertmanagerClient.builder(am.baseUrl()).name("single")
                     .timeout(Duration.ofMinutes(5)).maxResponseBytes(2L << 30).build()) {
            post(count, client);
            if (args.length > 2 && args[2].equals("hold")) { // keep it up for manual probes (curl, pprof)
                System.out.println("holding " + am.baseUrl() + " pid " + am.pid() + " for " + seconds + " s");
                Thread.sleep(seconds * 1000L);
                return;
            }
            Files.createDirectories(Path.of("target"));
            for (String variant : variants) {
                String query = variant.equals("-") ? "" : "?" + variant;
                profile(am, query, seconds, Path.of("target", "am-profile-" + tag(variant) + ".pb.gz"));
            }
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static void post(int count, AlertmanagerClient client) throws Exception {
        Instant now = Instant.now();
        List<PostableAlert> alerts = AlertLoad.generate(count, 42, now, now.plus(Duration.ofHours(6)));
        for (int from = 0; from < alerts.size(); from += 1000) {
            client.postAlerts(alerts.subList(from, Math.min(alerts.size(), from + 1000)));
        }
        try (AlertmanagerFleet fleet = AlertmanagerFleet.builder().add("solo", client).closeClients(false).build()) {
            for (String name : new String[] {"HostRebooted", "Watchdog", "HttpNoTraffic", "RedisRestarted"}) {
                fleet.createSilenceOnCluster("solo", SilenceSpec.of(List.of(Matcher.equal("alertname", name)),
                        Duration.ofHours(2), "bench", "bench"));
            }
        }
        System.out.printf("posted %,d alerts and 4 silences%n", count);
    }

    private static void profile(AlertmanagerServer am, String query, int seconds, Path out) throws Exception {
        URI url = am.baseUrl().resolve("/api/v2/alerts" + encode(query));
        AtomicBoolean stop = new AtomicBoolean();
        List<String> lines = new ArrayList<>();
        Thread loop = Thread.ofPlatform().start(() -> {
            try {
                while (!stop.get()) {
                    long cpu = procCpuMillis(am.pid());
                    long a = System.nanoTime();
                    HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(url).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    lines.add(String.format("  GET%s: HTTP %d, %,d bytes, %.0f ms, Alertmanager CPU %d ms", query,
                            r.statusCode(), r.body().length, (System.nanoTime() - a) / 1e6,
                            procCpuMillis(am.pid()) - cpu));
                }
            } catch (Exception e) {
                lines.add("  loop failed: " + e);
            }
        });
        Thread.sleep(1000);
        HttpResponse<Path> profile = HTTP.send(HttpRequest.newBuilder(
                am.baseUrl().resolve("/debug/pprof/profile?seconds=" + seconds)).build(),
                HttpResponse.BodyHandlers.ofFile(out));
        stop.set(true);
        loop.join();
        System.out.printf("variant '%s': profile HTTP %d -> %s%n", query, profile.statusCode(), out);
        lines.forEach(System.out::println);
    }

    /** utime + stime of a process, in ms (clock ticks of 10 ms on Linux). */
    static long procCpuMillis(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    private static String encode(String query) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("?");
        for (String pair : query.substring(1).split("&")) {
            int eq = pair.indexOf('=');
            if (b.length() > 1) {
                b.append('&');
            }
            b.append(pair, 0, eq + 1).append(URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    private static String tag(String variant) {
        return variant.equals("-") ? "all" : variant.replaceAll("[^A-Za-z0-9]+", "_");
    }
}
