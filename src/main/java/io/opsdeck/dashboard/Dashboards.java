package io.opsdeck.dashboard;

import io.opsdeck.dashboard.grafana.GrafanaDashboardLoader;
import io.opsdeck.dashboard.yaml.OpsDeckYamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Entry point for loading dashboards by file type: {@code .yaml}/{@code .yml} are OpsDeck YAML, {@code .json} is
 * Grafana JSON.
 *
 * <pre>{@code
 * Dashboard d = Dashboards.load(Path.of("dashboards/noc.yaml"), DatasourceResolver.single("prod"));
 * }</pre>
 */
public final class Dashboards {

    private Dashboards() {
    }

    /** Loads one file; throws {@link DashboardException} naming the file when it cannot be read. */
    public static Dashboard load(Path file, DatasourceResolver resolver) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".json")) {
            return new GrafanaDashboardLoader(resolver).load(file);
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return new OpsDeckYamlLoader().load(file);
        }
        throw new DashboardException(file + ": not a dashboard file (expected .yaml, .yml or .json)");
    }

    /** Dashboard files in a directory (not recursive), sorted by name. */
    public static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().matches("(?i).*\\.(ya?ml|json)$")).sorted().toList();
        } catch (IOException e) {
            throw new DashboardException(dir + ": cannot list dashboards: " + e.getMessage(), e);
        }
    }
}
