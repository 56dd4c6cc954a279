package io.opsdeck.cli;

import io.opsdeck.simulate.FleetSpec;
import io.opsdeck.simulate.Scenario;
import io.opsdeck.simulate.ScrapeConfig;
import io.opsdeck.simulate.Simulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Serve metrics for a simulated fleet and inject faults.",
        subcommands = {SimulateFaultCommand.class, SimulateClearCommand.class, SimulateFaultsCommand.class,
            SimulateActCommand.class})
public final class SimulateCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9800",
            description = "Address to serve on. Default: ${DEFAULT-VALUE}.")
    String listen;

    @Option(names = "--hosts", paramLabel = "ROLE=N,...", description = "Fleet, e.g. web=4,db=2,ml=2 (the default).")
    String hosts;

    @Option(names = "--fleet-size", paramLabel = "N", description = "Fleet of N hosts: half web, a quarter db, the rest ml.")
    Integer fleetSize;

    @Option(names = "--seed", description = "Random seed; the same seed gives the same metrics. Default: 42.")
    Long seed;

    @Option(names = "--scenario", paramLabel = "FILE", description = "YAML script of faults over time (see docs/simulator.md).")
    Path scenario;

    @Option(names = "--write-scrape-config", paramLabel = "FILE",
            description = "Write a Prometheus scrape_configs section for a simulator at --listen, then exit.")
    Path scrapeConfigFile;

    @Option(names = "--scrape-interval", defaultValue = "15s", description = "Interval for --write-scrape-config. Default: ${DEFAULT-VALUE}.")
    String scrapeInterval;

    @Override
    public Integer call() throws Exception {
        if (hosts != null && fleetSize != null) {
            throw new ParameterException(spec.commandLine(), "use either --hosts or --fleet-size, not both");
        }
        Scenario script = scenario == null ? null : Scenario.load(scenario);
        FleetSpec fleet = hosts != null ? FleetSpec.parse(hosts) : fleetSize != null ? FleetSpec.ofSize(fleetSize)
                : script != null && script.fleet() != null ? script.fleet() : FleetSpec.DEFAULT;
        long theSeed = seed != null ? seed : script != null && script.seed() != null ? script.seed() : 42;
        InetSocketAddress address = address(listen);
        PrintWriter out = spec.commandLine().getOut();
        if (scrapeConfigFile != null) {
            Duration interval = io.opsdeck.simulate.Quantities.duration(scrapeInterval);
            Files.writeString(scrapeConfigFile, ScrapeConfig.scrapeConfigYaml(fleet, listen, interval));
            out.println("Wrote scrape config for " + fleet.size() + " hosts (" + fleet + ") at " + listen + " to "
                    + scrapeConfigFile);
            out.flush();
            return 0;
        }
        Simulator sim;
        try {
            sim = Simulator.builder().fleet(fleet).seed(theSeed).listen(address).scenario(script).start();
        } catch (BindException e) {
            throw new IOException("cannot listen on " + listen + " (" + e.getMessage() + "); choose another with --listen");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        out.println("OpsDeck simulator: " + fleet.size() + " hosts (" + fleet + "), seed " + theSeed + ", at "
                + sim.baseUrl() + (script == null ? "" : ", scenario " + scenario));
        out.println("Scrape config: curl -s " + sim.baseUrl() + "/scrape-config > simulator.yml"
                + "   (or: opsdeck simulate --write-scrape-config simulator.yml --listen " + sim.hostPort() + ")");
        out.println("Faults: opsdeck simulate fault db-1 disk_fill --param fill_in=20m --url " + sim.baseUrl());
        out.println("Press Ctrl+C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }

    private InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try {
            if (colon < 1) {
                throw new NumberFormatException();
            }
            int port = Integer.parseInt(hostPort.substring(colon + 1));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return new InetSocketAddress(hostPort.substring(0, colon), port);
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--listen '" + hostPort + "' must be HOST:PORT, e.g. 127.0.0.1:9800");
        }
    }
}
