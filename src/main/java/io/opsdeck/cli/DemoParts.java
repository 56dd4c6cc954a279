package io.opsdeck.cli;

import io.opsdeck.agent.Agent;
import io.opsdeck.agent.AgentSettings;
import io.opsdeck.config.ConfigLoader;
import io.opsdeck.config.OpsdeckConfig;
import io.opsdeck.console.live.LiveConsole;
import io.opsdeck.simulate.demo.AgentLauncher;
import io.opsdeck.simulate.demo.ConsoleLauncher;
import io.opsdeck.simulate.demo.DemoContext;
import io.opsdeck.simulate.demo.DemoPart;
import io.opsdeck.ui.ConsoleOptions;
import io.opsdeck.ui.dashboard.DashboardRenderers;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The agent and the console as parts of {@code opsdeck demo}: both run in the demo's own JVM. */
final class DemoParts {

    private DemoParts() {
    }

    /** The real agent on the port Alertmanager's webhooks point at, its database in the demo's folder. */
    static AgentLauncher agent() {
        return new AgentLauncher() {
            @Override
            public Optional<DemoPart> start(DemoContext ctx) throws Exception {
                Path dir = Files.createDirectories(ctx.dir().resolve("agent"));
                String token = randomToken();
                Path settings = Files.writeString(dir.resolve("agent.yaml"), """
                        # Written by opsdeck demo: every alert goes to the consoles' desktop notifications.
                        listen: 127.0.0.1:%d
                        database: %s
                        users:
                          - {name: demo, role: admin, token: %s}
                        channels:
                          - name: consoles
                            type: desktop
                        routes:
                          - name: everything
                            channels: [consoles]
                        %s""".formatted(ctx.agentPort(), dir.resolve("agent.db"), token, remediation(ctx)));
                Agent agent = Agent.start(AgentSettings.load(settings));
                letConsoleIn(ctx, dir, token);
                return Optional.of(part("agent", agent::close, agent.baseUrl()));
            }

            @Override
            public String describe() {
                return "agent: starting on the port Alertmanager's webhooks point at";
            }
        };
    }

    /**
     * Remediation with the project's plans (rules/remediation) against the simulator, automatic runs off so the
     * scenario's faults stay until someone approves a fix in the console; empty without the plans folder.
     */
    private static String remediation(DemoContext ctx) {
        Path plans = io.opsdeck.simulate.demo.DemoHome.detect().root().resolve("rules/remediation");
        if (!Files.isDirectory(plans) || ctx.simulator() == null || ctx.prometheus() == null) {
            return "";
        }
        String sim = ctx.simulator().toString().replaceAll("/+$", "");
        return """
                remediation:
                  enabled: true
                  auto: false
                  plans: '%s'
                  http_allow: ['%s/api/v1/actions']
                  vars: {simulator_url: '%s'}
                  prometheus: '%s'
                """.formatted(plans, sim, sim, ctx.prometheus());
    }

    /** The console reads the demo user's token from a private file the demo's opsdeck.yaml names. */
    private static void letConsoleIn(DemoContext ctx, Path dir, String token) throws java.io.IOException {
        Path file = dir.resolve("console.token");
        Files.writeString(file, token);
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the demo folder is private to the user anyway
        }
        String agentLine = "agent:\n  url: " + ctx.agentUrl() + "\n";
        String config = Files.readString(ctx.configFile());
        if (config.contains(agentLine)) {
            Files.writeString(ctx.configFile(), config.replace(agentLine, agentLine + "  token_file: '" + file + "'\n"));
        }
    }

    /** The console window on the demo's configuration; closing it stops the whole demo. */
    static ConsoleLauncher console(ConsoleOptions options) {
        return ctx -> {
            OpsdeckConfig config = ConfigLoader.builder().build().load(ctx.configFile());
            ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2,
                    Thread.ofVirtual().name("opsdeck-poll-", 0).factory());
            java.util.concurrent.CompletableFuture<Void> painted = new java.util.concurrent.CompletableFuture<>();
            LiveConsole live = LiveConsole.builder(config, scheduler).clock(Clock.systemDefaultZone()).pollAfter(painted)
                    .build().awaitDashboards();
            io.opsdeck.ui.ConsoleLauncher.RunningConsole console = io.opsdeck.ui.ConsoleLauncher.start(
                    live.services(), options, DashboardRenderers.forConsole(live),
                    io.opsdeck.ui.alerts.AlertsServices.forConsole(live));
            console.firstPainted().thenRun(() -> painted.complete(null)); // pollers after the first paint, as the console
            console.exit().whenComplete((code, error) -> ctx.stop().run());
            return Optional.of(part("console", () -> {
                console.close();
                live.close();
                scheduler.shutdownNow();
            }, null));
        };
    }

    private static DemoPart part(String name, Runnable stop, URI url) {
        return new DemoPart() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<URI> url() {
                return Optional.ofNullable(url);
            }

            @Override
            public void close() {
                stop.run();
            }
        };
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
