package io.opsdeck.cli;

import io.opsdeck.config.ConfigException;
import io.opsdeck.config.ConfigLoader;
import io.opsdeck.config.ConfigLocator;
import io.opsdeck.config.OpsdeckConfig;
import io.opsdeck.config.PrometheusSource;
import io.opsdeck.http.HttpClients;
import io.opsdeck.prometheus.PrometheusClient;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;

/** Loads the configuration for commands that ask configured sources; a broken file is an error naming its lines. */
final class ConfiguredSources {

    private ConfiguredSources() {
    }

    /** The configuration, or an empty one when no file exists at the default place. */
    static OpsdeckConfig load(Path configFile) {
        try {
            return ConfigLoader.builder().build().loadOrEmpty(ConfigLocator.system().locate(configFile));
        } catch (ConfigException e) {
            StringBuilder message = new StringBuilder("the configuration has problems (run 'opsdeck check'):");
            e.problems().stream().limit(5).forEach(p -> message.append(System.lineSeparator()).append("  ").append(p));
            throw new IllegalArgumentException(message.toString(), e);
        }
    }

    /** As {@link #load(Path)}, reported as a usage error of {@code cli}. */
    static OpsdeckConfig load(CommandLine cli, GlobalOptions global) {
        try {
            return load(global.config);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
    }

    /** A client for the named Prometheus source, or the default one when {@code name} is null. */
    static Optional<PrometheusClient> prometheus(String name, Path configFile) {
        OpsdeckConfig config = load(configFile);
        Optional<PrometheusSource> source = name == null ? config.defaultPrometheus() : config.prometheus(name);
        if (name != null && source.isEmpty() && config.isConfigured()) {
            throw new IllegalArgumentException("no Prometheus source named '" + name + "' in "
                    + config.file().map(Path::toString).orElse("the configuration") + "; configured: "
                    + String.join(", ", config.prometheus().stream().map(PrometheusSource::name).toList()));
        }
        return source.map(s -> PrometheusClient.builder(s.connection().url().uri())
                .name(s.name())
                .httpClient(HttpClients.forSource(s.connection()))
                .timeout(s.connection().timeout())
                .maxResponseBytes(s.connection().maxResponseBytes())
                .build());
    }
}
