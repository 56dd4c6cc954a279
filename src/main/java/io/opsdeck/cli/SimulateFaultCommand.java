package io.opsdeck.cli;

import io.opsdeck.simulate.Fault;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "fault", mixinStandardHelpOptions = true, description = "Raise a fault on a simulated host.")
public final class SimulateFaultCommand implements Callable<Integer> {

    @Mixin
    SimulatorUrlOption target = new SimulatorUrlOption();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST", description = "e.g. db-1")
    String host;

    @Parameters(index = "1", paramLabel = "KIND", description = "e.g. disk_fill, down, cpu_saturation, memory_leak")
    String kind;

    @Option(names = "--param", paramLabel = "K=V", description = "Fault parameter, e.g. fill_in=20m (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Override
    public Integer call() {
        Fault f = target.client().raise(host, kind, params);
        spec.commandLine().getOut().println("Raised " + f.kind().id() + " on " + f.host() + " " + f.params());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
