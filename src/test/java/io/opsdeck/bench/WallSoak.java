package io.opsdeck.bench;

import io.opsdeck.agent.Agent;
import io.opsdeck.agent.AgentSettings;
import io.opsdeck.simulate.FleetSpec;
import io.opsdeck.simulate.SimulatorClient;
import io.opsdeck.simulate.demo.Demo;
import io.opsdeck.simulate.demo.DemoPart;
import io.opsdeck.simulate.demo.DemoStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Soak test of the NOC wall: {@code opsdeck console --wall} in its own JVM (headless, Monocle, software
 * rendering) against the demo stack (simulator without scenario, real Prometheus and Alertmanager, the agent),
 * with a fast playlist. Faults are raised and cleared through the simulator's control API on a repeating cycle
 * (a critical HostDown that pauses the rotation, a GPU overheating, a latency spike), and once per cycle a
 * source is frozen with SIGSTOP for a fifth of the cycle and thawed with SIGCONT (Prometheus on even cycles,
 * Alertmanager on odd ones), so the stale banner comes and goes. Every sample interval the wall JVM is sampled
 * over JMX after a full GC; the rows go to {@code soak.csv}, start/end/max and slopes to {@code summary.txt}.
 *
 * <p>Arguments (all optional): {@code --duration 60m --sample 60s --cycle 12m --slide 5s --heap -Xmx512m
 * --warmup 30s --out /tmp/opsdeck-wall-soak}. Run from the checkout (dashboards and rules are read from it).
 */
public final class WallSoak {

    private static final long START = System.nanoTime();

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        Duration duration = io.opsdeck.console.DurationText.parse(opts.getOrDefault("duration", "60m"));
        Duration sample = io.opsdeck.console.DurationText.parse(opts.getOrDefault("sample", "60s"));
        Duration cycle = io.opsdeck.console.DurationText.parse(opts.getOrDefault("cycle", "12m"));
        Duration warmup = io.opsdeck.console.DurationText.parse(opts.getOrDefault("warmup", "30s"));
        String slide = opts.getOrDefault("slide", "5s");
        String heap = opts.getOrDefault("heap", "-Xmx512m");
        Path out = Files.createDirectories(Path.of(opts.getOrDefault("out", "/tmp/opsdeck-wall-soak")));
        Path checkout = Path.of("").toAbsolutePath();
        Set<String> phase = new ConcurrentSkipListSet<>();
        ScheduledExecutorService events = Executors.newSingleThreadScheduledExecutor();
        List<SoakSampler.Sample> samples = new ArrayList<>();
        say("demo stack starting (output in " + out + ")");
        try (DemoStack stack = Demo.builder().noScenario().fleet(FleetSpec.parse("web=6,db=3,ml=3")).headless(true).simulatorPort(0)
                .agent(ctx -> Optional.of(agent(ctx.dir(), ctx.agentPort()))).build().start()) {
            Path playlist = Files.writeString(out.resolve("playlist.yaml"), """
                    interval: %s
                    entries:
                      - dashboard: noc
                      - tag: devops
                      - tag: dba
                      - dashboard: mlops
                        interval: 3s
                      - tag: executive
                    """.formatted(slide));
            Process wall = startWall(stack.configFile(), playlist, heap, checkout, out);
            try (SoakSampler sampler = attachWhenReady(wall)) {
                TimeUnit.SECONDS.sleep(warmup.toSeconds()); // the toolkit starts and the first slide loads
                SoakFaults faults = new SoakFaults(new SimulatorClient(stack.urls().simulator().toString()), phase, WallSoak::say);
                faults.schedule(events, cycle, duration);
                long deadline = System.nanoTime() + duration.toNanos();
                while (true) {
                    if (!wall.isAlive()) {
                        throw new IllegalStateException("the wall JVM exited with " + wall.exitValue() + "; see " + out.resolve("wall.log"));
                    }
                    SoakSampler.Sample s = sampler.sample(elapsedSeconds(), String.join(";", new TreeSet<>(phase)));
                    samples.add(s);
                    Files.writeString(out.resolve("soak.csv"), SoakSampler.Sample.HEADER + "\n"
                            + String.join("\n", samples.stream().map(SoakSampler.Sample::csv).toList()) + "\n");
                    say(s.csv());
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    TimeUnit.NANOSECONDS.sleep(Math.min(left, sample.toNanos()));
                }
                events.shutdownNow();
                faults.thawAll();
            } finally {
                wall.destroy();
                wall.waitFor(20, TimeUnit.SECONDS);
                wall.destroyForcibly();
            }
        } finally {
            events.shutdownNow();
        }
        List<String> summary = new ArrayList<>();
        summary.add("NOC wall soak, " + Instant.now() + ": duration " + duration + ", sample every " + sample
                + ", fault cycle " + cycle + ", slides " + slide + ", wall JVM " + heap + ", Java " + Runtime.version());
        summary.addAll(SoakSampler.summary(samples, Math.min(300, duration.toSeconds() / 5)));
        Files.write(out.resolve("summary.txt"), summary);
        summary.forEach(WallSoak::say);
        System.exit(0); // okhttp and the demo's executors keep non-daemon threads; the stack is closed
    }

    private static Process startWall(Path config, Path playlist, String heap, Path checkout, Path out) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(heap.split(" ")));
        cmd.addAll(List.of("-Dprism.order=sw", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dheadless.geometry=1920x1080-32", "-Djava.awt.headless=true", "-Dopsdeck.home=" + checkout,
                "-Duser.home=" + Files.createDirectories(out.resolve("home")),
                "-cp", System.getProperty("java.class.path"), "io.opsdeck.cli.Main",
                "console", "--wall", "--playlist", playlist.toString(), "--config", config.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.resolve("wall.log").toFile()).start();
    }

    private static SoakSampler attachWhenReady(Process wall) throws Exception {
        Exception last = null;
        for (int i = 0; i < 60; i++) {
            TimeUnit.SECONDS.sleep(1);
            try {
                return SoakSampler.attach(wall.pid());
            } catch (Exception e) {
                last = e; // the JVM has not started its attach listener yet
            }
        }
        throw new IllegalStateException("cannot attach to the wall JVM " + wall.pid(), last);
    }

    private static DemoPart agent(Path demoDir, int port) throws IOException {
        Path dir = Files.createDirectories(demoDir.resolve("agent"));
        Path settings = Files.writeString(dir.resolve("agent.yaml"), """
                listen: 127.0.0.1:%d
                database: %s
                users:
                  - {name: soak, role: admin, token: %s}
                channels:
                  - {name: consoles, type: desktop}
                routes:
                  - {name: everything, channels: [consoles]}
                """.formatted(port, dir.resolve("agent.db"), java.util.UUID.randomUUID().toString().replace("-", "")));
        Agent agent = Agent.start(AgentSettings.load(settings));
        return new DemoPart() {
            @Override
            public String name() {
                return "agent";
            }

            @Override
            public Optional<java.net.URI> url() {
                return Optional.of(agent.baseUrl());
            }

            @Override
            public void close() {
                agent.close();
            }
        };
    }

    static long elapsedSeconds() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - START);
    }

    static void say(String line) {
        System.out.println("[" + elapsedSeconds() + "s] " + line);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return opts;
    }
}
