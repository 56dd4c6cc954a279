package io.opsdeck.simulate.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A real single-node VictoriaMetrics, a Prometheus-compatible backend, on a free loopback port. */
public final class VictoriaMetricsServer extends ManagedProcess {

    private final int port;

    private VictoriaMetricsServer(List<String> command, Path dir, int port) {
        super("victoria-metrics-" + port, command, dir);
        this.port = port;
    }

    /** Starts it; {@code scrapeConfigYaml} may be null, else it is a Prometheus-style scrape config. */
    public static VictoriaMetricsServer start(Path dir, String scrapeConfigYaml) {
        Path binary = Binaries.VICTORIA_METRICS.locate();
        int port = FreePorts.next();
        try {
            Files.createDirectories(dir.resolve("data"));
            List<String> command = new ArrayList<>(List.of(binary.toString(),
                    "-httpListenAddr=127.0.0.1:" + port,
                    "-storageDataPath=" + dir.resolve("data"),
                    "-retentionPeriod=100y",
                    "-search.latencyOffset=0s"));
            if (scrapeConfigYaml != null) {
                Path config = dir.resolve("scrape.yml");
                Files.writeString(config, scrapeConfigYaml);
                command.add("-promscrape.config=" + config);
            }
            VictoriaMetricsServer server = new VictoriaMetricsServer(command, dir, port);
            server.awaitReady(server.baseUrl().resolve("/health"), Duration.ofSeconds(30));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare VictoriaMetrics in " + dir, e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }
}
