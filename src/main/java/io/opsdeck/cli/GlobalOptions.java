package io.opsdeck.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command takes. */
public final class GlobalOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file. Default: $OPSDECK_CONFIG, else ~/.config/opsdeck/opsdeck.yaml.")
    Path config;

    String[] asArgs() {
        List<String> args = new ArrayList<>();
        if (config != null) {
            args.add("--config");
            args.add(config.toString());
        }
        return args.toArray(String[]::new);
    }
}
