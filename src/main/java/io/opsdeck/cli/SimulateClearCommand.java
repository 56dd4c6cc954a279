package io.opsdeck.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "clear", mixinStandardHelpOptions = true, description = "Clear one fault, or all faults, of a simulated host.")
public final class SimulateClearCommand implements Callable<Integer> {

    @Mixin
    SimulatorUrlOption target = new SimulatorUrlOption();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST")
    String host;

    @Parameters(index = "1", paramLabel = "KIND", arity = "0..1", description = "Default: every fault of HOST.")
    String kind;

    @Override
    public Integer call() {
        List<String> cleared = target.client().clear(host, kind);
        spec.commandLine().getOut().println(cleared.isEmpty() ? "No " + (kind == null ? "faults" : kind) + " active on " + host
                : "Cleared " + String.join(", ", cleared) + " on " + host);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
