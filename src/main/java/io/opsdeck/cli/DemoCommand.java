package io.opsdeck.cli;

import io.opsdeck.simulate.FleetSpec;
import io.opsdeck.simulate.Quantities;
import io.opsdeck.simulate.demo.Demo;
import io.opsdeck.simulate.demo.DemoException;
import io.opsdeck.simulate.demo.DemoStack;
import io.opsdeck.ui.ConsoleOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code opsdeck demo}: the whole stack on this machine, stopped by Ctrl+C, SIGTERM, closing the console or
 * {@code --duration}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start a demo stack: simulator, Prometheus, node_exporter, Alertmanager, agent and console.")
public final class DemoCommand implements Callable<Integer> {

    /** How the console opens; {@code opsdeck console} with nothing configured passes its own options. */
    ConsoleOptions consoleOptions = ConsoleOptions.defaults();

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    @Option(names = "--headless", description = "Do not open the console window; run until Ctrl+C or SIGTERM.")
    boolean headless;

    @Option(names = "--duration", paramLabel = "D", description = "Stop after this long, e.g. 10m. Default: until stopped.")
    String duration;

    @Option(names = "--keep", description = "Keep the temporary folder (configs, data, logs) after stopping.")
    boolean keep;

    @Option(names = "--hosts", paramLabel = "ROLE=N,...", description = "Fleet, e.g. web=4,db=4,ml=4. Default: the scenario's (a dozen hosts).")
    String hosts;

    @Option(names = "--seed", description = "Simulator seed. Default: the scenario's, else 42.")
    Long seed;

    @Option(names = "--scenario", paramLabel = "FILE", description = "Scenario YAML. Default: packaging/demo/scenario.yaml.")
    Path scenario;

    @Override
    public Integer call() throws Exception {
        Duration limit = duration == null ? null : parse("--duration", () -> Quantities.duration(duration));
        FleetSpec fleet = hosts == null ? null : parse("--hosts", () -> FleetSpec.parse(hosts));
        PrintWriter out = spec.commandLine().getOut();
        if (!headless && !Demo.displayAvailable()) {
            out.println("demo: no display (DISPLAY and WAYLAND_DISPLAY unset): running headless");
            headless = true;
        }
        Demo demo = Demo.builder().fleet(fleet).seed(seed).scenario(scenario).keep(keep).headless(headless)
                .agent(DemoParts.agent()).console(DemoParts.console(consoleOptions))
                .listener(line -> {
                    out.println("demo: " + line);
                    out.flush();
                })
                .build();
        DemoStack stack;
        try {
            stack = demo.start();
        } catch (DemoException e) {
            spec.commandLine().getErr().println("opsdeck demo: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
        try (stack) {
            stack.summary().forEach(out::println);
            out.println("OpsDeck demo ready. " + (limit == null ? "Ctrl+C stops everything."
                    : "Stops after " + duration + " (or Ctrl+C)."));
            out.flush();
            boolean asked = stack.awaitStop(limit);
            out.println("demo: " + (asked ? "stopping" : duration + " passed, stopping"));
            out.flush();
        }
        out.println("demo: stopped");
        out.flush();
        return 0;
    }

    private <T> T parse(String option, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }
}
