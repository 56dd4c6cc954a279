package io.opsdeck.cli;

import io.opsdeck.config.ConfigException;
import io.opsdeck.config.ConfigLoader;
import io.opsdeck.config.ConfigLocator;
import io.opsdeck.config.OpsdeckConfig;
import io.opsdeck.console.Role;
import io.opsdeck.console.live.ConfiguredRoles;
import io.opsdeck.console.live.LiveConsole;
import io.opsdeck.ui.ConsoleLauncher;
import io.opsdeck.ui.ConsoleOptions;
import io.opsdeck.ui.dashboard.DashboardRenderers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code opsdeck console}: the main window, or the NOC wall with {@code --wall}. */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"Open the console (the default command).",
                "Wall mode is full screen on every monitor; leave it with Ctrl+Shift+Q (Esc does nothing)."})
public final class ConsoleCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    @Option(names = "--wall", description = "NOC wall mode: full screen, no window chrome, rotating playlist.")
    boolean wall;

    @Option(names = "--playlist", paramLabel = "FILE", description = "Wall playlist (YAML). Default: the role's dashboards, 1 min each.")
    Path playlist;

    @Option(names = "--theme", paramLabel = "THEME", description = "light, dark or contrast. Default: the last one used (contrast on walls).")
    String theme;

    @Option(names = "--role", paramLabel = "NAME", description = "Executive, DevOps, DBA, MLOps or a configured role. Default: the last one used.")
    String role;

    @Option(names = "--section", hidden = true, description = "Section to open first (for screenshots).")
    String section;

    @Option(names = "--screenshot", hidden = true, paramLabel = "FILE", description = "Write a PNG of the window, then exit.")
    Path screenshot;

    @Option(names = "--screenshot-after", hidden = true, paramLabel = "DURATION", defaultValue = "3s")
    String screenshotAfter;

    @Option(names = "--exit-after-first-paint", hidden = true,
            description = "Leave once the first dashboard is painted; logs the time since JVM start (start-up benchmark).")
    boolean exitAfterFirstPaint;

    @Override
    public Integer call() throws Exception {
        if (theme != null && !theme.matches("(?i)light|dark|contrast")) {
            spec.commandLine().getErr().println("opsdeck console: --theme must be light, dark or contrast, not '" + theme + "'");
            return 2;
        }
        if (playlist != null && !Files.isReadable(playlist)) {
            spec.commandLine().getErr().println("opsdeck console: cannot read playlist " + playlist);
            return 2;
        }
        OpsdeckConfig config;
        try {
            config = ConfigLoader.builder().build().loadOrEmpty(ConfigLocator.system().locate(global.config));
        } catch (ConfigException e) {
            return configProblems(e);
        }
        Duration after = io.opsdeck.console.DurationText.parse(screenshotAfter);
        ConsoleOptions options = new ConsoleOptions(wall, playlist, theme, role, section, screenshot, after,
                exitAfterFirstPaint);
        if (!config.isConfigured()) {
            return startDemo(config, options);
        }
        try {
            List<Role> roles = ConfiguredRoles.load(config);
            if (role != null && roles.stream().noneMatch(r -> r.name().equalsIgnoreCase(role))) {
                spec.commandLine().getErr().println("opsdeck console: no role named '" + role + "' (known: "
                        + String.join(", ", roles.stream().map(Role::name).toList()) + ")");
                return 2;
            }
        } catch (ConfigException e) {
            return configProblems(e);
        }
        ConsoleLauncher.prestartToolkit(); // comes up on its own thread while the services are built
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2,
                Thread.ofVirtual().name("opsdeck-poll-", 0).factory());
        // the pollers' first calls wait for the first dashboard painted: they would compete with the window's build
        java.util.concurrent.CompletableFuture<Void> painted = new java.util.concurrent.CompletableFuture<>();
        try (LiveConsole live = services(config, scheduler, Clock.systemDefaultZone(), painted)) {
            live.awaitDashboards();
            return ConsoleLauncher.run(live.services(), options, DashboardRenderers.forConsole(live),
                    io.opsdeck.ui.alerts.AlertsServices.forConsole(live), () -> painted.complete(null));
        } catch (ConfigException e) {
            return configProblems(e);
        } finally {
            scheduler.shutdownNow();
        }
    }

    /**
     * THE wiring point: the real services for a configuration (roles, dashboards folders, health, alert and host
     * pollers on {@code scheduler}, polling once {@code pollAfter} completes; the settings store over the config
     * file). Closing it stops the pollers.
     */
    static LiveConsole services(OpsdeckConfig config, ScheduledExecutorService scheduler, Clock clock,
                                java.util.concurrent.CompletionStage<?> pollAfter) throws ConfigException {
        return LiveConsole.builder(config, scheduler).clock(clock).pollAfter(pollAfter).build();
    }

    /** Nothing is configured: start the demo stack and open this console on it. */
    int startDemo(OpsdeckConfig config, ConsoleOptions options) {
        spec.commandLine().getOut().println("opsdeck: nothing configured (" + ConfigLocator.system().locate(global.config).path()
                + " does not exist): starting the demo stack");
        DemoCommand demo = new DemoCommand();
        demo.consoleOptions = options;
        picocli.CommandLine cli = new picocli.CommandLine(demo);
        cli.setOut(spec.commandLine().getOut());
        cli.setErr(spec.commandLine().getErr());
        return cli.execute();
    }

    private int configProblems(ConfigException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("opsdeck console: the configuration has problems:");
        e.problems().forEach(p -> err.println("  " + p));
        err.flush();
        return 1;
    }
}
