package io.opsdeck.simulate.demo;

import io.opsdeck.simulate.FleetSpec;
import io.opsdeck.simulate.Scenario;
import io.opsdeck.simulate.ScenarioException;
import io.opsdeck.simulate.Simulator;
import io.opsdeck.simulate.stack.AlertmanagerServer;
import io.opsdeck.simulate.stack.FreePorts;
import io.opsdeck.simulate.stack.NodeExporterServer;
import io.opsdeck.simulate.stack.PrometheusServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the demo stack in a temporary folder: the simulator running the demo scenario, a real Prometheus (scraping
 * it and a real node_exporter, with the project's rules), a real Alertmanager (the project's routing, webhooks to
 * the demo agent), then the agent and console through their launchers. See docs/demo.md.
 *
 * <pre>{@code
 * Demo demo = Demo.builder().fleet(FleetSpec.parse("web=4,db=4,ml=4")).headless(true)
 *         .listener(System.out::println).build();
 * try (DemoStack stack = demo.start()) {
 *     stack.awaitStop(null);
 * }
 * }</pre>
 */
public final class Demo {

    private final Builder b;

    private Demo(Builder b) {
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Installs what is missing, starts every part and returns once all are ready. */
    public DemoStack start() {
        DemoListener say = b.listener;
        Scenario scenario = b.noScenario ? null : b.home.loadScenario(b.scenarioFile);
        FleetSpec fleet = b.fleet != null ? b.fleet
                : scenario != null && scenario.fleet() != null ? scenario.fleet() : FleetSpec.DEFAULT;
        long seed = b.seed != null ? b.seed : scenario != null && scenario.seed() != null ? scenario.seed() : 42;
        Path dir;
        try {
            dir = Files.createTempDirectory("opsdeck-demo-");
        } catch (IOException e) {
            throw new DemoException("cannot create a temporary folder: " + e.getMessage(), e);
        }
        CountDownLatch stop = new CountDownLatch(1);
        DemoStack stack = new DemoStack(dir, b.keep, say, stop);
        try {
            StackInstaller.ensureInstalled(say, dir);
            say.progress("starting simulator: " + fleet.size() + " hosts (" + fleet + "), seed " + seed
                    + (scenario == null ? "" : ", scenario " + scenario.source()));
            Simulator sim = startSimulator(fleet, seed, scenario);
            stack.add("simulator", sim);
            say.progress("starting node_exporter");
            NodeExporterServer nodeExporter = stack.track("node_exporter",
                    NodeExporterServer.start(dir.resolve("node-exporter")));
            int agentPort = FreePorts.next();
            String amConfig = DemoConfigs.alertmanager(b.home, agentPort, say);
            say.progress("starting alertmanager");
            AlertmanagerServer am = stack.track("alertmanager",
                    AlertmanagerServer.start(dir.resolve("alertmanager"), amConfig));
            List<Path> rules = b.home.prometheusRules();
            if (rules.isEmpty()) {
                say.progress("prometheus: no rule files in " + b.home.prometheusRulesDir() + " (run from a checkout or"
                        + " set -Dopsdeck.home); Prometheus runs without alert rules");
            }
            say.progress("starting prometheus with " + rules.size() + " rule files");
            var config = new DemoConfigs.PrometheusConfig(sim.scrapeConfig(b.scrapeInterval), nodeExporter.target(),
                    am.baseUrl(), agentPort, rules, b.scrapeInterval, b.evaluationInterval);
            PrometheusServer prometheus = stack.track("prometheus", PrometheusServer.builder(dir.resolve("prometheus"))
                    .configYaml(config.yaml(null, false)).start());
            Files.writeString(stack.configFile(), DemoConfigs.opsdeck(prometheus.baseUrl(), am.baseUrl(), agentPort));
            URI simUrl = URI.create(sim.baseUrl());
            DemoContext ctx = new DemoContext(dir, stack.configFile(), agentPort, simUrl, prometheus.baseUrl(),
                    am.baseUrl(), stack::requestStop);
            say.progress(b.agent.describe());
            var agent = stack.startPart("agent", () -> b.agent.start(ctx));
            prometheus.reload(config.yaml(prometheus.baseUrl(), agent.isPresent())); // both known now
            if (b.headless) {
                say.progress("console: headless, no window");
            } else {
                say.progress(b.console.describe());
                stack.startPart("console", () -> b.console.start(ctx));
            }
            Optional<URI> agentUrl = agent.map(a -> a.url().orElse(ctx.agentUrl()));
            DemoStack.Urls urls = new DemoStack.Urls(simUrl, prometheus.baseUrl(), am.baseUrl(),
                    nodeExporter.baseUrl(), agentUrl, agentPort);
            stack.ready(urls, DemoSummary.lines(urls, fleet, seed, scenario, rules.size(), stack));
            return stack;
        } catch (RuntimeException | IOException e) {
            stack.close();
            throw e instanceof DemoException de ? de
                    : new DemoException(e instanceof ScenarioException ? e.getMessage() : "demo failed to start: " + e.getMessage(), e);
        }
    }

    /** An X11 or Wayland display is set, so a console window could open. */
    public static boolean displayAvailable() {
        // Monocle renders without a display server (headless tests, screenshots on a server).
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null
                || "Monocle".equalsIgnoreCase(System.getProperty("glass.platform"));
    }

    private Simulator startSimulator(FleetSpec fleet, long seed, Scenario scenario) throws IOException {
        Simulator.Builder sim = Simulator.builder().fleet(fleet).seed(seed).scenario(scenario);
        if (b.simulatorPort != 0) {
            try {
                return sim.listen(new InetSocketAddress("127.0.0.1", b.simulatorPort)).start();
            } catch (BindException busy) {
                // someone else has the usual port: any free one will do, the summary names it
            }
        }
        return sim.listen(new InetSocketAddress("127.0.0.1", 0)).start();
    }

    /** Demo options; every one has a default. */
    public static final class Builder {
        private FleetSpec fleet;
        private Long seed;
        private Path scenarioFile;
        private boolean noScenario;
        private DemoHome home = DemoHome.detect();
        private boolean keep;
        private boolean headless;
        private Duration scrapeInterval = Duration.ofSeconds(5);
        private Duration evaluationInterval = Duration.ofSeconds(5);
        private int simulatorPort = 9800;
        private AgentLauncher agent = new AgentLauncher.NotBuiltYet();
        private ConsoleLauncher console = new ConsoleLauncher.NotBuiltYet();
        private DemoListener listener = DemoListener.SILENT;

        private Builder() {
        }

        /** Default: the scenario's fleet (the shipped one: web=6,db=3,ml=3), else web=4,db=2,ml=2. */
        public Builder fleet(FleetSpec fleet) {
            this.fleet = fleet;
            return this;
        }

        /** Default: the scenario's seed, else 42. */
        public Builder seed(Long seed) {
            this.seed = seed;
            return this;
        }

        /** Default: the home's packaging/demo/scenario.yaml, else the jar's copy. */
        public Builder scenario(Path file) {
            this.scenarioFile = file;
            return this;
        }

        /** Runs the fleet without a scenario: faults only come from the control API. */
        public Builder noScenario() {
            this.noScenario = true;
            return this;
        }

        /** Default {@link DemoHome#detect()}: system property opsdeck.home, else the working directory. */
        public Builder home(DemoHome home) {
            this.home = Objects.requireNonNull(home);
            return this;
        }

        /** Keep the temporary folder after stopping. Default false. */
        public Builder keep(boolean keep) {
            this.keep = keep;
            return this;
        }

        /** No console window. Default false; the CLI sets it when {@link Demo#displayAvailable()} is false. */
        public Builder headless(boolean headless) {
            this.headless = headless;
            return this;
        }

        /** Default 5s. */
        public Builder scrapeInterval(Duration interval) {
            this.scrapeInterval = Objects.requireNonNull(interval);
            return this;
        }

        /** Default 5s. */
        public Builder evaluationInterval(Duration interval) {
            this.evaluationInterval = Objects.requireNonNull(interval);
            return this;
        }

        /** Default 9800, or a free port when it is taken; 0 always picks a free one. */
        public Builder simulatorPort(int port) {
            this.simulatorPort = port;
            return this;
        }

        /** Default {@link AgentLauncher.NotBuiltYet}. */
        public Builder agent(AgentLauncher agent) {
            this.agent = Objects.requireNonNull(agent);
            return this;
        }

        /** Default {@link ConsoleLauncher.NotBuiltYet}. */
        public Builder console(ConsoleLauncher console) {
            this.console = Objects.requireNonNull(console);
            return this;
        }

        /** Default silent. */
        public Builder listener(DemoListener listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        public Demo build() {
            return new Demo(this);
        }
    }
}
