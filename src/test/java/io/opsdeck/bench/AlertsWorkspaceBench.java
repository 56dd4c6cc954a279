package io.opsdeck.bench;

import io.opsdeck.alertmanager.AlertQuery;
import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.alertmanager.FleetSnapshot;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Posts N synthetic alerts (default 100,000) into real Alertmanagers (an HA pair by default, both peers get every
 * alert as from Prometheus), then measures: fetch + peer dedupe + row build + grouping; filter keystrokes (re-filter
 * and regroup) over a typed sequence; heap after GC with the snapshot held; and {@code amtool alert query -o json}
 * on the same Alertmanager. Not a test: run it as docs/performance.md says. Args: [alerts=100000] [peers=2].
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

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int peers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path dir = Files.createTempDirectory("opsdeck-alerts-bench-");
        List<AlertmanagerServer> servers = peers == 1 ? List.of(AlertmanagerServer.start(dir, CONFIG))
                : AlertmanagerServer.startCluster(dir, peers, CONFIG);
        AlertmanagerFleet.Builder fleetBuilder = AlertmanagerFleet.builder();
        List<AlertmanagerClient> clients = new ArrayList<>();
        // Alertmanager writes nothing until the whole answer is built: with 100k alerts that exceeds OkHttp's 10 s
        // default read timeout, which AlertmanagerClient.timeout does not lift.
        okhttp3.OkHttpClient http = new okhttp3.OkHttpClient.Builder().readTimeout(Duration.ofMinutes(5)).build();
        for (int i = 0; i < servers.size(); i++) {
            AlertmanagerClient c = AlertmanagerClient.builder(servers.get(i).baseUrl()).name("am-" + i)
                    .httpClient(http).timeout(Duration.ofMinutes(5)).maxResponseBytes(2L << 30).build();
            clients.add(c);
            fleetBuilder.add("eu", c);
        }
        try (AlertmanagerFleet fleet = fleetBuilder.build()) {
            Instant now = Instant.now();
            List<PostableAlert> alerts = AlertLoad.generate(count, 42, now, now.plus(Duration.ofHours(6)));
            long t0 = System.nanoTime();
            for (int from = 0; from < alerts.size(); from += 1000) {
                List<PostableAlert> batch = alerts.subList(from, Math.min(alerts.size(), from + 1000));
                clients.forEach(c -> c.postAlerts(batch));
            }
            double postSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("posted %,d alerts to %d Alertmanager(s) in batches of 1,000: %.1f s (%.0f alerts/s per peer)%n",
                    count, peers, postSeconds, count * peers / postSeconds);
            alerts = null;
            // A few silences (one an acknowledgement) so rows carry silence and ack state, as in real life.
            String[] muted = {"HostRebooted", "Watchdog", "HttpNoTraffic", "RedisRestarted"};
            for (String name : muted) {
                fleet.createSilenceOnCluster("eu", SilenceSpec.of(List.of(Matcher.equal("alertname", name)),
                        Duration.ofHours(2), "bench", name.equals("Watchdog") ? "ACK! bench (via OpsDeck)" : "bench"));
            }
            Thread.sleep(2000); // gossip

            AlertWorkspace workspace = AlertWorkspace.builder(fleet).refreshInterval(Duration.ofSeconds(30)).build();
            WorkspaceSnapshot snap = null;
            FleetSnapshot lastRaw = null;
            SilenceSnapshot lastSilences = null;
            long[] total = new long[5];
            long[] fetch = new long[5];
            for (int i = -2; i < total.length; i++) { // two warm-up runs for the JIT
                long a = System.nanoTime();
                FleetSnapshot raw = fleet.alerts(AlertQuery.all());
                if (!raw.failedSources().isEmpty()) {
                    throw new IllegalStateException("fetch failed: " + raw.failedSources());
                }
                SilenceSnapshot silences = fleet.silences(List.of());
                long b = System.nanoTime();
                snap = AlertWorkspace.snapshotOf(raw, silences, List.of(), Duration.ofSeconds(30));
                lastRaw = raw;
                lastSilences = silences;
                AlertView view = snap.view(FilterState.initial().applied(), Grouping.DEFAULT);
                long c = System.nanoTime();
                if (i >= 0) {
                    fetch[i] = b - a;
                    total[i] = c - a;
                }
                System.out.printf("run %d: %,d rows, %d groups; fetch+dedupe %.0f ms, rows+group %.0f ms, total %.0f ms%n",
                        i, snap.rows().size(), view.groups().size(), (b - a) / 1e6, (c - b) / 1e6, (c - a) / 1e6);
            }
            long[] raw = new long[3];
            long bytes = 0;
            for (int i = 0; i < raw.length; i++) {
                long a = System.nanoTime();
                bytes = Timings.rawGet(servers.get(0).baseUrl().resolve("/api/v2/alerts"));
                raw[i] = System.nanoTime() - a;
            }
            Arrays.sort(raw);
            byte[] body = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    servers.get(0).baseUrl().resolve("/api/v2/alerts")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
            long[][] decode = DecodeComparison.run(body, 5);
            body = null;
            long refresh0 = System.nanoTime();
            snap = workspace.refresh();
            workspace = null; // its last fetch is a second copy of every alert; the heap figure is for one workspace
            long refresh = System.nanoTime() - refresh0;

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

            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(200);
            }
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();

            long[] amtool = new long[3];
            for (int i = 0; i < amtool.length; i++) {
                amtool[i] = Timings.amtool(servers.get(0).baseUrl().toString(), false);
            }
            long amtoolAll = Timings.amtool(servers.get(0).baseUrl().toString(), true);
            Arrays.sort(total);
            Arrays.sort(fetch);
            Arrays.sort(amtool);
            System.out.printf("%nRESULT alerts=%,d peers=%d rows=%,d%n", count, peers, snap.rows().size());
            System.out.printf("fetch+dedupe+rows+group: median %.0f ms, min %.0f ms (of which fetch+dedupe median %.0f ms)%n",
                    total[2] / 1e6, total[0] / 1e6, fetch[2] / 1e6);
            System.out.printf("raw GET /api/v2/alerts from one peer (Alertmanager's own time + transfer, no parsing):"
                    + " median %.0f ms, %.1f MB%n", raw[1] / 1e6, bytes / 1e6);
            System.out.printf("decode one peer's answer (%.1f MB) on one thread, median of 5, wall / thread CPU:"
                    + " streaming (AlertmanagerClient.decodeAlerts) %.0f / %.0f ms; previous client (body string +"
                    + " data-binding + copy) %.0f / %.0f ms%n", bytes / 1e6, decode[0][2] / 1e6, decode[1][2] / 1e6,
                    decode[2][2] / 1e6, decode[3][2] / 1e6);
            System.out.printf("AlertWorkspace.refresh() (alerts and silences fetched in parallel) + no view: %.0f ms%n",
                    refresh / 1e6);
            System.out.printf("keystroke (edit + re-filter + regroup) over %d keystrokes x 3: p50 %.1f ms, p95 %.1f ms,"
                    + " max %.1f ms%n", typed.size(), Timings.pct(keys, 50) / 1e6, Timings.pct(keys, 95) / 1e6, keys[keys.length - 1] / 1e6);
            System.out.printf("heap used after GC, snapshot held: %.0f MB%n", heap / 1e6);
            System.out.printf("amtool alert query -o json (active only, default): median %.0f ms;"
                    + " with --silenced --inhibited --active --unprocessed: %.0f ms%n", amtool[1] / 1e6, amtoolAll / 1e6);
            System.out.printf("ratio OpsDeck fetch+group / amtool default query: %.2f%n", (double) total[2] / amtool[1]);
            System.out.println(snap); // keeps the snapshot reachable until after the heap reading
        } finally {
            clients.forEach(AlertmanagerClient::close);
            servers.forEach(AlertmanagerServer::close);
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
