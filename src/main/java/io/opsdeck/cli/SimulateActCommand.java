package io.opsdeck.cli;

import io.opsdeck.simulate.ActionResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "act", mixinStandardHelpOptions = true,
        description = "Run a remediation action on a simulated host (restart_service, clean_disk, scale_workers,"
                + " cancel_queries, restart_inference, flush_redis).")
public final class SimulateActCommand implements Callable<Integer> {

    @Mixin
    SimulatorUrlOption target = new SimulatorUrlOption();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST")
    String host;

    @Parameters(index = "1", paramLabel = "ACTION")
    String action;

    @Override
    public Integer call() {
        ActionResult r = target.client().act(host, action);
        spec.commandLine().getOut().println(r.host() + ": " + r.effect()
                + (r.cleared().isEmpty() ? "" : " (cleared " + String.join(", ", r.cleared()) + ")"));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
