package io.opsdeck.ui.dashboard;

import io.opsdeck.dashboard.Dashboard;
import io.opsdeck.dashboard.DashboardException;
import io.opsdeck.dashboard.DatasourceResolver;
import io.opsdeck.dashboard.Dashboards;
import java.nio.file.Path;

/**
 * Finds and loads a dashboard by id from a directory: the file named after the id first ({@code dba.yaml}), else
 * any file whose dashboard has that id. Blocking; called off the FX thread.
 */
final class DashboardSource {

    private final Path dir;
    private final DatasourceResolver resolver;

    DashboardSource(Path dir, DatasourceResolver resolver) {
        this.dir = dir;
        this.resolver = resolver;
    }

    Dashboard load(String id) {
        for (Path f : Dashboards.files(dir)) {
            if (f.getFileName().toString().replaceAll("\\.(ya?ml|json)$", "").equals(id)) {
                return Dashboards.load(f, resolver);
            }
        }
        for (Path f : Dashboards.files(dir)) {
            try {
                Dashboard d = Dashboards.load(f, resolver);
                if (d.id().equals(id)) {
                    return d;
                }
            } catch (DashboardException e) {
                // a broken neighbour must not hide the dashboard asked for; it reports itself when opened
            }
        }
        throw new DashboardException(dir + ": no dashboard with id '" + id + "'");
    }
}
