package io.opsdeck.cli;

import io.opsdeck.config.ConfigException;
import io.opsdeck.config.ConfigLoader;
import io.opsdeck.config.ConfigLocator;
import io.opsdeck.config.OpsdeckConfig;
import picocli.CommandLine;

/** Loads the configuration for commands that ask configured sources; a broken file is a usage error naming it. */
final class ConfiguredSources {

    private ConfiguredSources() {
    }

    /** The configuration, or an empty one when no file exists at the default place. */
    static OpsdeckConfig load(CommandLine cli, GlobalOptions global) {
        try {
            return ConfigLoader.builder().build().loadOrEmpty(ConfigLocator.system().locate(global.config));
        } catch (ConfigException e) {
            StringBuilder message = new StringBuilder("the configuration has problems (run 'opsdeck check'):");
            e.problems().stream().limit(5).forEach(p -> message.append(System.lineSeparator()).append("  ").append(p));
            throw new CommandLine.ParameterException(cli, message.toString());
        }
    }
}
