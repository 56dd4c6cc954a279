package io.opsdeck.cli;

import io.opsdeck.config.ConfigException;
import io.opsdeck.config.ConfigValue;
import io.opsdeck.config.OpsdeckConfig;
import io.opsdeck.console.live.ConfigFolders;
import io.opsdeck.config.OpsdeckHome;
import java.nio.file.Path;
import java.util.List;

/**
 * Where {@code opsdeck check} finds rule files and the Alertmanager config: the config's
 * {@code rules: { dirs: [...], alertmanager_config: FILE }}, else {@code <opsdeck.home>/rules/prometheus} and
 * {@code <opsdeck.home>/rules/alertmanager/alertmanager.yml}.
 *
 * @param ruleDirs           folders whose {@code *.yml}/{@code *.yaml} files are Prometheus rule files
 * @param alertmanagerConfig the Alertmanager configuration file
 */
record RuleLocations(List<Path> ruleDirs, Path alertmanagerConfig) {

    static RuleLocations of(OpsdeckConfig config) throws ConfigException {
        Path defaultDir = OpsdeckHome.resolve("rules").resolve("prometheus");
        Path defaultAm = OpsdeckHome.resolve("rules").resolve("alertmanager").resolve("alertmanager.yml");
        if (config.section("rules").isEmpty()) {
            return new RuleLocations(List.of(defaultDir), defaultAm);
        }
        Path base = ConfigFolders.baseDir(config);
        return config.section("rules").get().bind(v -> v.asMap().map(m -> {
            List<Path> dirs = ConfigFolders.dirs(m, "dirs", base).orElse(List.of(defaultDir));
            Path am = m.get("alertmanager_config").flatMap(ConfigValue::asFile).orElse(defaultAm);
            m.finish();
            return new RuleLocations(dirs, am);
        }).orElse(new RuleLocations(List.of(defaultDir), defaultAm)));
    }
}
