package io.opsdeck.dashboard.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real node_exporter and a real Prometheus scraping it every second, on free loopback ports in a temp dir.
 * Test helper; fails with the Debian package name when a binary is missing.
 */
final class LocalPrometheus implements AutoCloseable {

    private final Process exporter;
    private final Process prometheus;
    final String baseUrl;
    final int exporterPort;

    private LocalPrometheus(Process exporter, Process prometheus, String baseUrl, int exporterPort) {
        this.exporter = exporter;
        this.prometheus = prometheus;
        this.baseUrl = baseUrl;
        this.exporterPort = exporterPort;
    }

    static LocalPrometheus start(Path dir) throws Exception {
        require("/usr/bin/prometheus", "prometheus");
        require("/usr/bin/prometheus-node-exporter", "prometheus-node-exporter");
        int ep = freePort();
        int pp = freePort();
        Process exporter = new ProcessBuilder("/usr/bin/prometheus-node-exporter",
                "--web.listen-address=127.0.0.1:" + ep)
                .redirectErrorStream(true).redirectOutput(dir.resolve("node-exporter.log").toFile()).start();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global: {scrape_interval: 1s, evaluation_interval: 1s}
                scrape_configs:
                  - job_name: node
                    static_configs: [{targets: ['127.0.0.1:%d']}]
                """.formatted(ep));
        Process prometheus = new ProcessBuilder("/usr/bin/prometheus", "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + pp)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        LocalPrometheus p = new LocalPrometheus(exporter, prometheus, "http://127.0.0.1:" + pp, ep);
        p.awaitSamples();
        return p;
    }

    // Enough samples for rate() over a few seconds.
    private void awaitSamples() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!prometheus.isAlive() || !exporter.isAlive()) {
                throw new IllegalStateException("prometheus or node_exporter exited; see their logs in the temp dir");
            }
            try {
                String q = java.net.URLEncoder.encode("count_over_time(up{job=\"node\"}[1m]) >= 8",
                        java.nio.charset.StandardCharsets.UTF_8);
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/query?query="
                        + q)).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"value\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("prometheus did not collect 8 node_exporter samples within 60 s");
    }

    private static void require(String path, String debianPackage) {
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException(path + " is missing: install the Debian package '" + debianPackage + "'");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : new Process[]{prometheus, exporter}) {
            p.destroy();
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
