package io.opsdeck.cli;

import io.opsdeck.config.ConfigCheck;
import io.opsdeck.config.ConfigException;
import io.opsdeck.config.ConfigProblem;
import io.opsdeck.config.OpsdeckConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code amtool check-config} on the Alertmanager configuration ({@link RuleLocations}); its messages become
 * {@code file:line} problems. Without amtool, or without the file, this is a note, not a failure.
 */
final class AlertmanagerConfigCheck implements ConfigCheck {

    static final String NOT_INSTALLED =
            "amtool not installed (Debian package prometheus-alertmanager): Alertmanager config not checked";

    private final Optional<ExternalTool> amtool;

    AlertmanagerConfigCheck(Optional<ExternalTool> amtool) {
        this.amtool = amtool;
    }

    @Override
    public String name() {
        return "alertmanager config";
    }

    @Override
    public List<ConfigProblem> check(OpsdeckConfig config) {
        return run(config).problems();
    }

    @Override
    public Result run(OpsdeckConfig config) {
        Path file;
        try {
            file = RuleLocations.of(config).alertmanagerConfig();
        } catch (ConfigException e) {
            return new Result(e.problems(), List.of());
        }
        if (!Files.isRegularFile(file)) {
            return new Result(List.of(), List.of("no Alertmanager config at " + file + ": not checked"));
        }
        if (amtool.isEmpty()) {
            return new Result(List.of(), List.of(NOT_INSTALLED));
        }
        try {
            ExternalTool.Run run = amtool.get().run(List.of("check-config", file.toString()), Duration.ofMinutes(1));
            if (run.exit() == 0) {
                return new Result(List.of(), List.of(file + " checked with amtool"));
            }
            List<ConfigProblem> problems = ToolOutput.amtool(run.output(), file.toString());
            return new Result(problems.isEmpty()
                    ? List.of(new ConfigProblem(file.toString(), 0, "", "amtool check-config failed: " + run.output().strip()))
                    : problems, List.of());
        } catch (IOException e) {
            return new Result(List.of(new ConfigProblem(file.toString(), 0, "", "amtool could not run: " + e.getMessage())), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(List.of(), List.of("interrupted: Alertmanager config not checked"));
        }
    }
}
