package io.opsdeck.cli;

import io.opsdeck.simulate.Fault;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "faults", mixinStandardHelpOptions = true, description = "List the active faults of a running simulator.")
public final class SimulateFaultsCommand implements Callable<Integer> {

    @Mixin
    SimulatorUrlOption target = new SimulatorUrlOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Fault> faults = target.client().faults();
        PrintWriter out = spec.commandLine().getOut();
        if (faults.isEmpty()) {
            out.println("No active faults.");
        }
        for (Fault f : faults) {
            out.printf("%-10s %-26s since %s  %s%n", f.host(), f.kind().id(), f.since(), f.params());
        }
        out.flush();
        return 0;
    }
}
