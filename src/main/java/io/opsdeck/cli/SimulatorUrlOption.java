package io.opsdeck.cli;

import io.opsdeck.simulate.SimulatorClient;
import picocli.CommandLine.Option;

/** The {@code --url} option of the simulator's control subcommands. */
public final class SimulatorUrlOption {

    @Option(names = "--url", defaultValue = "http://127.0.0.1:9800",
            description = "Simulator to control. Default: ${DEFAULT-VALUE}.")
    String url;

    SimulatorClient client() {
        return new SimulatorClient(url);
    }
}
