package io.opsdeck.console.live;

import io.opsdeck.console.DashboardCatalogue;
import io.opsdeck.console.DashboardSummary;
import io.opsdeck.console.DashboardVariable;
import io.opsdeck.dashboard.Dashboard;
import io.opsdeck.dashboard.DashboardException;
import io.opsdeck.dashboard.Dashboards;
import io.opsdeck.dashboard.DatasourceResolver;
import io.opsdeck.dashboard.Variable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every OpsDeck YAML and Grafana JSON dashboard in the given folders (not recursive, sorted by file name within
 * each folder). {@link #loadAsync(Executor)} reads them in the background; until then the catalogue is empty.
 * A file that does not load is logged once and left out; the first file with an id wins.
 *
 * <pre>{@code
 * FileDashboardCatalogue catalogue = new FileDashboardCatalogue(DashboardDirs.of(config), DatasourceResolver.single("main"));
 * catalogue.loadAsync(executor);
 * }</pre>
 */
public final class FileDashboardCatalogue implements DashboardCatalogue {

    private static final Logger LOG = LoggerFactory.getLogger(FileDashboardCatalogue.class);

    private final List<Path> dirs;
    private final DatasourceResolver resolver;
    private volatile Map<String, Dashboard> loaded = Map.of();
    private volatile List<DashboardSummary> summaries = List.of();

    public FileDashboardCatalogue(List<Path> dirs, DatasourceResolver resolver) {
        this.dirs = List.copyOf(dirs);
        this.resolver = resolver;
    }

    /** Reads every folder on {@code executor}; the future completes with the summaries. */
    public CompletableFuture<List<DashboardSummary>> loadAsync(Executor executor) {
        return CompletableFuture.supplyAsync(this::loadNow, executor);
    }

    /** Reads every folder now, on the calling thread. */
    public List<DashboardSummary> loadNow() {
        Map<String, Dashboard> byId = new LinkedHashMap<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                LOG.warn("Dashboards folder {} does not exist", dir.toAbsolutePath());
                continue;
            }
            for (Path file : filesIn(dir)) {
                try {
                    Dashboard d = Dashboards.load(file, resolver);
                    if (byId.putIfAbsent(d.id(), d) != null) {
                        LOG.warn("Dashboard {} has the id '{}' of an earlier file; left out", file, d.id());
                    }
                } catch (DashboardException | IllegalArgumentException e) {
                    LOG.warn("Dashboard {} not loaded: {}", file, e.getMessage());
                }
            }
        }
        List<DashboardSummary> result = new ArrayList<>();
        byId.values().forEach(d -> result.add(summary(d)));
        loaded = Map.copyOf(byId);
        summaries = List.copyOf(result);
        LOG.info("Loaded {} dashboards from {}", result.size(), dirs);
        return summaries;
    }

    private static List<Path> filesIn(Path dir) {
        try {
            return Dashboards.files(dir);
        } catch (DashboardException e) {
            LOG.warn("{}", e.getMessage());
            return List.of();
        }
    }

    @Override
    public List<DashboardSummary> dashboards() {
        return summaries;
    }

    /** The full model behind a summary, for the dashboards renderer. */
    public Optional<Dashboard> model(String id) {
        return Optional.ofNullable(loaded.get(id));
    }

    static DashboardSummary summary(Dashboard d) {
        List<DashboardVariable> variables = new ArrayList<>();
        for (Variable v : d.variables()) {
            List<String> options = new ArrayList<>();
            if (v.includeAll()) {
                options.add("All");
            }
            options.addAll(v.options());
            String selected = v.current().contains(Variable.ALL) ? "All"
                    : !v.current().isEmpty() ? v.current().getFirst()
                    : options.isEmpty() ? "" : options.getFirst();
            variables.add(new DashboardVariable(v.name(), options, selected));
        }
        return new DashboardSummary(d.id(), d.title(), new LinkedHashSet<>(d.tags()), variables);
    }
}
