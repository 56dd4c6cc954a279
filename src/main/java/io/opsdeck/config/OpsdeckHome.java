package io.opsdeck.config;

import java.nio.file.Path;

/**
 * Where OpsDeck's shipped files (dashboards, rules) live: the system property {@code opsdeck.home} the launcher
 * sets, else the working directory.
 */
public final class OpsdeckHome {

    /** The system property the {@code opsdeck} launcher sets to the installation folder. */
    public static final String PROPERTY = "opsdeck.home";

    private OpsdeckHome() {
    }

    /** {@code opsdeck.home}, or the working directory when it is not set. */
    public static Path get() {
        String home = System.getProperty(PROPERTY);
        return home == null || home.isBlank() ? Path.of("") : Path.of(home);
    }

    /** A folder below the home, e.g. {@code resolve("dashboards")}. */
    public static Path resolve(String child) {
        return get().resolve(child);
    }
}
