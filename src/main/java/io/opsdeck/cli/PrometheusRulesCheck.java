package io.opsdeck.cli;

import io.opsdeck.config.ConfigCheck;
import io.opsdeck.config.ConfigException;
import io.opsdeck.config.ConfigProblem;
import io.opsdeck.config.OpsdeckConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code promtool check rules} over every {@code *.yml}/{@code *.yaml} in the rule folders ({@link RuleLocations});
 * its messages become {@code file:line} problems. Without promtool this is a note, not a failure.
 */
final class PrometheusRulesCheck implements ConfigCheck {

    static final String NOT_INSTALLED = "promtool not installed (Debian package prometheus): rule files not checked";

    private final Optional<ExternalTool> promtool;

    /** @param promtool the tool, or empty when it is not installed */
    PrometheusRulesCheck(Optional<ExternalTool> promtool) {
        this.promtool = promtool;
    }

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public List<ConfigProblem> check(OpsdeckConfig config) {
        return run(config).problems();
    }

    @Override
    public Result run(OpsdeckConfig config) {
        RuleLocations where;
        try {
            where = RuleLocations.of(config);
        } catch (ConfigException e) {
            return new Result(e.problems(), List.of());
        }
        List<Path> files = new ArrayList<>();
        for (Path dir : where.ruleDirs()) {
            if (!Files.isDirectory(dir)) {
                return new Result(List.of(), List.of("no rule folder at " + dir + ": rule files not checked"));
            }
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().matches("(?i).*\\.ya?ml$")).sorted().forEach(files::add);
            } catch (IOException e) {
                return new Result(List.of(new ConfigProblem(dir.toString(), 0, "", "cannot list rule files: " + e.getMessage())), List.of());
            }
        }
        if (files.isEmpty()) {
            return new Result(List.of(), List.of("no rule files in " + where.ruleDirs()));
        }
        if (promtool.isEmpty()) {
            return new Result(List.of(), List.of(NOT_INSTALLED));
        }
        Map<String, String> names = new LinkedHashMap<>();
        List<String> args = new ArrayList<>(List.of("check", "rules"));
        for (Path f : files) {
            names.put(f.toString(), f.toString());
            args.add(f.toString());
        }
        try {
            ExternalTool.Run run = promtool.get().run(args, Duration.ofMinutes(1));
            List<ConfigProblem> problems = ToolOutput.problems(run.output(), names);
            if (run.exit() != 0 && problems.isEmpty()) {
                problems = List.of(new ConfigProblem(where.ruleDirs().getFirst().toString(), 0, "",
                        "promtool check rules failed: " + run.output().strip()));
            }
            return new Result(problems, List.of(files.size() + " rule file" + (files.size() == 1 ? "" : "s") + " checked with promtool"));
        } catch (IOException e) {
            return new Result(List.of(new ConfigProblem(where.ruleDirs().getFirst().toString(), 0, "",
                    "promtool could not run: " + e.getMessage())), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(List.of(), List.of("interrupted: rule files not checked"));
        }
    }
}
