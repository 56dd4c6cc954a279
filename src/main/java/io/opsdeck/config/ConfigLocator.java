package io.opsdeck.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Picks the configuration file: {@code --config FILE}, else {@code $OPSDECK_CONFIG}, else
 * {@code ~/.config/opsdeck/opsdeck.yaml}. Environment and home folder are parameters so tests need no real ones.
 *
 * <pre>{@code
 * ConfigLocation where = ConfigLocator.system().locate(optionValueOrNull);
 * }</pre>
 */
public final class ConfigLocator {

    /** The environment variable that names the configuration file. */
    public static final String ENV_VAR = "OPSDECK_CONFIG";

    private final Map<String, String> env;
    private final Path home;

    public ConfigLocator(Map<String, String> env, Path home) {
        this.env = Map.copyOf(env);
        this.home = Objects.requireNonNull(home, "home");
    }

    /** The real process environment and {@code user.home}. */
    public static ConfigLocator system() {
        return new ConfigLocator(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** @param explicit the {@code --config} value, or {@code null} */
    public ConfigLocation locate(Path explicit) {
        if (explicit != null) {
            return new ConfigLocation(explicit, ConfigLocation.Origin.OPTION);
        }
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new ConfigLocation(Path.of(fromEnv), ConfigLocation.Origin.ENVIRONMENT);
        }
        return new ConfigLocation(home.resolve(".config").resolve("opsdeck").resolve("opsdeck.yaml"),
                ConfigLocation.Origin.DEFAULT);
    }
}
