package io.opsdeck.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded configuration: sources, the operator's name, and the raw sections later packages bind.
 * Get one from {@link ConfigLoader}.
 *
 * @param file the file it came from; empty when nothing is configured
 * @param operator the person using OpsDeck (silence author); defaults to the OS user
 * @param prometheus Prometheus sources in file order
 * @param alertmanagers Alertmanager sources in file order
 * @param sections uninterpreted top-level sections by name ({@code agent}, {@code notify}, ...)
 */
public record OpsdeckConfig(
        Optional<Path> file,
        String operator,
        List<PrometheusSource> prometheus,
        List<AlertmanagerSource> alertmanagers,
        Map<String, ConfigSection> sections) {

    public OpsdeckConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(operator, "operator");
        prometheus = List.copyOf(prometheus);
        alertmanagers = List.copyOf(alertmanagers);
        sections = Map.copyOf(sections);
    }

    /** Nothing configured: the console offers the demo. */
    public static OpsdeckConfig empty(String operator) {
        return new OpsdeckConfig(Optional.empty(), operator, List.of(), List.of(), Map.of());
    }

    /** True when at least one Prometheus or Alertmanager source is configured. */
    public boolean isConfigured() {
        return !prometheus.isEmpty() || !alertmanagers.isEmpty();
    }

    /** The source marked {@code default: true}, else the first one. */
    public Optional<PrometheusSource> defaultPrometheus() {
        return prometheus.stream().filter(PrometheusSource::isDefault).findFirst()
                .or(() -> prometheus.stream().findFirst());
    }

    public Optional<PrometheusSource> prometheus(String name) {
        return prometheus.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<AlertmanagerSource> alertmanager(String name) {
        return alertmanagers.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** Alertmanagers grouped by cluster, clusters in order of first appearance. */
    public List<AlertmanagerCluster> clusters() {
        Map<String, List<AlertmanagerSource>> byCluster = new LinkedHashMap<>();
        for (AlertmanagerSource am : alertmanagers) {
            byCluster.computeIfAbsent(am.cluster(), k -> new ArrayList<>()).add(am);
        }
        List<AlertmanagerCluster> result = new ArrayList<>();
        byCluster.forEach((name, peers) -> result.add(new AlertmanagerCluster(name, peers)));
        return result;
    }

    public Optional<ConfigSection> section(String name) {
        return Optional.ofNullable(sections.get(name));
    }
}
