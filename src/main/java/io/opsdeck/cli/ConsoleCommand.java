package io.opsdeck.cli;

import io.opsdeck.console.ConsoleServices;
import io.opsdeck.console.SampleConsole;
import io.opsdeck.ui.ConsoleLauncher;
import io.opsdeck.ui.ConsoleOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
        ConsoleServices services = services(Clock.systemDefaultZone());
        if (role != null && services.roles().find(role).isEmpty()) {
            spec.commandLine().getErr().println("opsdeck console: no role named '" + role + "' (known: "
                    + String.join(", ", services.roles().roles().stream().map(r -> r.name()).toList()) + ")");
            return 2;
        }
        Duration after = io.opsdeck.console.DurationText.parse(screenshotAfter);
        return ConsoleLauncher.run(services, new ConsoleOptions(wall, playlist, theme, role, section, screenshot, after));
    }

    /**
     * THE wiring point: the services the console runs on. For now the in-memory sample; the lead replaces this
     * with the real dashboards catalogue, Prometheus/Alertmanager health and alert feeds, config-backed source
     * settings and {@code JsonFilePreferences.open(JsonFilePreferences.defaultPath())}.
     */
    static ConsoleServices services(Clock clock) {
        return SampleConsole.services(clock);
    }
}
