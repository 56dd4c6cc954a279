package io.opsdeck.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the configuration is expected, and why.
 *
 * @param path the file
 * @param origin which rule chose it; only a missing {@link Origin#DEFAULT} file means "nothing configured"
 */
public record ConfigLocation(Path path, Origin origin) {

    /** Which rule chose the file. */
    public enum Origin {
        /** {@code --config FILE}. */
        OPTION,
        /** {@code $OPSDECK_CONFIG}. */
        ENVIRONMENT,
        /** {@code ~/.config/opsdeck/opsdeck.yaml}. */
        DEFAULT
    }

    public ConfigLocation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(origin, "origin");
    }

    public boolean exists() {
        return Files.exists(path);
    }
}
