package io.opsdeck.simulate.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Prometheus on a free loopback port, in its own folder.
 *
 * <pre>{@code
 * try (PrometheusServer prometheus = PrometheusServer.builder(dir)
 *         .scrape("node", List.of("127.0.0.1:9100"))
 *         .ruleFile(Path.of("rules/prometheus/cpu.yml"))
 *         .start()) {
 *     URI api = prometheus.baseUrl();
 * }
 * }</pre>
 *
 * Alerts are resent every second (not every minute) so tests see them reach Alertmanager quickly.
 */
public final class PrometheusServer extends ManagedProcess {

    private final int port;
    private final Path configFile;

    private PrometheusServer(List<String> command, Path dir, int port, Path configFile) {
        super("prometheus-" + port, command, dir);
        this.port = port;
        this.configFile = configFile;
    }

    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public Path configFile() {
        return configFile;
    }

    /** Replaces the configuration and asks Prometheus to reload it. */
    public void reload(String configYaml) {
        try {
            Files.writeString(configFile, configYaml);
            var request = java.net.http.HttpRequest.newBuilder(baseUrl().resolve("/-/reload"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build();
            var response = java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Prometheus refused the new configuration: " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes the configuration, starts Prometheus and waits until it is ready. */
    public static final class Builder {
        private final Path dir;
        private Duration scrapeInterval = Duration.ofSeconds(1);
        private Duration evaluationInterval = Duration.ofSeconds(1);
        private final Map<String, List<String>> scrapeJobs = new LinkedHashMap<>();
        private final List<String> rawScrapeConfigs = new ArrayList<>();
        private final List<Path> ruleFiles = new ArrayList<>();
        private final List<URI> alertmanagers = new ArrayList<>();
        private String configYaml;
        private Duration readyTimeout = Duration.ofSeconds(30);

        private Builder(Path dir) {
            this.dir = dir;
        }

        public Builder scrapeInterval(Duration interval) {
            this.scrapeInterval = interval;
            return this;
        }

        public Builder evaluationInterval(Duration interval) {
            this.evaluationInterval = interval;
            return this;
        }

        /** A static scrape job; targets are host:port. */
        public Builder scrape(String job, List<String> targets) {
            scrapeJobs.put(job, List.copyOf(targets));
            return this;
        }

        /** One scrape_configs list entry in YAML, indented as an item of that list ("  - job_name: ..."). */
        public Builder rawScrapeConfig(String yamlListItem) {
            rawScrapeConfigs.add(yamlListItem);
            return this;
        }

        public Builder ruleFile(Path file) {
            ruleFiles.add(file.toAbsolutePath());
            return this;
        }

        public Builder ruleFiles(List<Path> files) {
            files.forEach(this::ruleFile);
            return this;
        }

        public Builder alertmanager(URI url) {
            alertmanagers.add(url);
            return this;
        }

        /** Replaces the generated configuration entirely. */
        public Builder configYaml(String yaml) {
            this.configYaml = yaml;
            return this;
        }

        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = timeout;
            return this;
        }

        public PrometheusServer start() {
            Path binary = Binaries.PROMETHEUS.locate();
            int port = FreePorts.next();
            Path data = dir.resolve("data");
            try {
                Files.createDirectories(data);
                Path config = dir.resolve("prometheus.yml");
                Files.writeString(config, configYaml != null ? configYaml : generatedConfig());
                List<String> command = List.of(binary.toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + data,
                        "--web.listen-address=127.0.0.1:" + port,
                        "--web.enable-lifecycle",
                        "--web.enable-admin-api",
                        "--rules.alert.resend-delay=1s",
                        "--log.level=info");
                PrometheusServer server = new PrometheusServer(command, dir, port, config);
                server.awaitReady(server.baseUrl().resolve("/-/ready"), readyTimeout);
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("could not prepare Prometheus in " + dir, e);
            }
        }

        String generatedConfig() {
            StringBuilder yaml = new StringBuilder()
                    .append("global:\n")
                    .append("  scrape_interval: ").append(scrapeInterval.toMillis()).append("ms\n")
                    .append("  evaluation_interval: ").append(evaluationInterval.toMillis()).append("ms\n");
            if (!ruleFiles.isEmpty()) {
                yaml.append("rule_files:\n");
                ruleFiles.forEach(f -> yaml.append("  - '").append(f).append("'\n"));
            }
            if (!alertmanagers.isEmpty()) {
                yaml.append("alerting:\n  alertmanagers:\n    - static_configs:\n        - targets:\n");
                alertmanagers.forEach(u -> yaml.append("            - '").append(u.getHost()).append(':')
                        .append(u.getPort()).append("'\n"));
            }
            yaml.append("scrape_configs:\n");
            if (scrapeJobs.isEmpty() && rawScrapeConfigs.isEmpty()) {
                yaml.append("  []\n");
            }
            scrapeJobs.forEach((job, targets) -> {
                yaml.append("  - job_name: '").append(job).append("'\n    static_configs:\n      - targets:\n");
                targets.forEach(t -> yaml.append("          - '").append(t).append("'\n"));
            });
            rawScrapeConfigs.forEach(raw -> yaml.append(raw.endsWith("\n") ? raw : raw + "\n"));
            return yaml.toString();
        }
    }
}
