package io.opsdeck.cli;

import io.opsdeck.prometheus.PrometheusClient;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Seam between commands and the configuration: turns {@code --source NAME} (or the default source) into a
 * ready client with the source's auth and TLS. Tests replace it to avoid reading the user's configuration.
 */
@FunctionalInterface
public interface SourceResolver {

    /**
     * The client for source {@code name} (null = the configuration's default source) read from
     * {@code configFile} (null = the default location); empty when there is no configuration at all.
     * Throws IllegalArgumentException naming the source when the configuration has no such source.
     */
    Optional<PrometheusClient> resolve(String name, Path configFile);

    /** Knows no configuration. */
    SourceResolver NONE = (name, configFile) -> Optional.empty();

    /** What {@code opsdeck query} uses: the configuration file's sources. */
    static SourceResolver fromConfiguration() {
        return ConfiguredSources::prometheus;
    }
}
