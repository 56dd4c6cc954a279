package io.opsdeck.console.live;

import io.opsdeck.config.ConfigException;
import io.opsdeck.config.OpsdeckConfig;
import io.opsdeck.config.OpsdeckHome;
import java.nio.file.Path;
import java.util.List;

/**
 * The folders dashboards are read from: the config's {@code dashboards: { dirs: [...] }}, else
 * {@code <opsdeck.home>/dashboards} ({@link OpsdeckHome}).
 *
 * <pre>{@code
 * List<Path> dirs = DashboardDirs.of(config);
 * }</pre>
 */
public final class DashboardDirs {

    private DashboardDirs() {
    }

    /** The configured folders (each must exist), or the default one. */
    public static List<Path> of(OpsdeckConfig config) throws ConfigException {
        if (config.section("dashboards").isEmpty()) {
            return List.of(OpsdeckHome.resolve("dashboards"));
        }
        Path base = ConfigFolders.baseDir(config);
        return config.section("dashboards").get().bind(v -> v.asMap().map(m -> {
            List<Path> dirs = ConfigFolders.dirs(m, "dirs", base).orElse(List.of(OpsdeckHome.resolve("dashboards")));
            m.finish();
            return dirs;
        }).orElse(List.of()));
    }
}
