package io.opsdeck.cli;

import io.opsdeck.config.ConfigCheck;
import io.opsdeck.config.ConfigException;
import io.opsdeck.config.ConfigProblem;
import io.opsdeck.config.OpsdeckConfig;
import io.opsdeck.config.PrometheusSource;
import io.opsdeck.console.live.DashboardDirs;
import io.opsdeck.dashboard.DashboardCheck;
import io.opsdeck.dashboard.DashboardException;
import io.opsdeck.dashboard.Dashboards;
import io.opsdeck.dashboard.DatasourceResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every dashboard file in the dashboards folders through {@link DashboardCheck}: one problem per finding, named by
 * file and panel ({@code file: panel 3 'CPU': message}).
 */
final class DashboardFilesCheck implements ConfigCheck {

    @Override
    public String name() {
        return "dashboards";
    }

    @Override
    public List<ConfigProblem> check(OpsdeckConfig config) {
        return run(config).problems();
    }

    @Override
    public Result run(OpsdeckConfig config) {
        List<Path> dirs;
        try {
            dirs = DashboardDirs.of(config);
        } catch (ConfigException e) {
            return new Result(e.problems(), List.of());
        }
        DatasourceResolver resolver = DatasourceResolver.single(
                config.defaultPrometheus().map(PrometheusSource::name).orElse("default"));
        List<ConfigProblem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int files = 0;
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                notes.add("no dashboards folder at " + dir + ": dashboards not checked");
                continue;
            }
            try {
                List<Path> found = Dashboards.files(dir);
                files += found.size();
                for (DashboardCheck.Problem p : DashboardCheck.check(found, resolver)) {
                    String where = p.panelId() == 0 && p.panelTitle().isEmpty() ? ""
                            : "panel " + p.panelId() + " '" + p.panelTitle() + "'";
                    problems.add(new ConfigProblem(p.file().toString(), 0, where, p.reason()));
                }
            } catch (DashboardException e) {
                problems.add(new ConfigProblem(dir.toString(), 0, "", e.getMessage()));
            }
        }
        notes.add(files + " dashboard" + (files == 1 ? "" : "s") + " checked in " + String.join(", ", dirs.stream().map(Path::toString).toList()));
        return new Result(problems, notes);
    }
}
