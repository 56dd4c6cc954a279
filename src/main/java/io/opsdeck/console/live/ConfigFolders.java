package io.opsdeck.console.live;

import io.opsdeck.config.ConfigMap;
import io.opsdeck.config.ConfigValue;
import io.opsdeck.config.OpsdeckConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads folder lists such as {@code dashboards: { dirs: [...] }}: relative paths are against the config's folder. */
public final class ConfigFolders {

    private ConfigFolders() {
    }

    /** The folder relative paths in {@code config} resolve against: the file's folder, else the working directory. */
    public static Path baseDir(OpsdeckConfig config) {
        return config.file().map(f -> f.toAbsolutePath().getParent()).orElse(Path.of("").toAbsolutePath());
    }

    /**
     * The folders listed under {@code key} of {@code section}, each checked to exist (a problem at its line otherwise);
     * empty when the key is absent.
     */
    public static Optional<List<Path>> dirs(ConfigMap section, String key, Path baseDir) {
        if (!section.has(key)) {
            return Optional.empty();
        }
        List<Path> dirs = new ArrayList<>();
        for (ConfigValue v : section.list(key)) {
            v.asString().ifPresent(text -> {
                Path dir = baseDir.resolve(text).normalize();
                if (!Files.isDirectory(dir)) {
                    v.problem("folder " + dir + " does not exist");
                } else {
                    dirs.add(dir);
                }
            });
        }
        return Optional.of(dirs);
    }
}
