package io.opsdeck.cli;

import io.opsdeck.config.ConfigCheck;
import io.opsdeck.config.ConfigException;
import io.opsdeck.config.ConfigLoader;
import io.opsdeck.config.ConfigLocation;
import io.opsdeck.config.ConfigLocator;
import io.opsdeck.config.ConfigProblem;
import io.opsdeck.config.OpsdeckConfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code opsdeck check}: validates the configuration and prints every problem, one per line. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Validate the configuration, dashboards and rules.")
public final class CheckCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    /** Further checks run once the file loads; later packages add theirs here (dashboards, rules, roles). */
    static List<ConfigCheck> contributors() {
        return List.of(new ConsoleSectionsCheck(), new AgentSettingsCheck(), new DashboardFilesCheck(),
                new PrometheusRulesCheck(ExternalTool.find("promtool")),
                new AlertmanagerConfigCheck(ExternalTool.find("amtool")));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ConfigLocation location = ConfigLocator.system().locate(global.config);
        OpsdeckConfig config;
        try {
            config = ConfigLoader.builder().build().load(location.path());
        } catch (ConfigException e) {
            return report(e.problems());
        }
        List<ConfigProblem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (ConfigCheck check : contributors()) {
            ConfigCheck.Result result = check.run(config);
            problems.addAll(result.problems());
            notes.addAll(result.notes());
        }
        if (!problems.isEmpty()) {
            return report(problems);
        }
        out.printf("OK: %d Prometheus source%s, %d Alertmanager source%s in %d cluster%s%n",
                config.prometheus().size(), plural(config.prometheus().size()),
                config.alertmanagers().size(), plural(config.alertmanagers().size()),
                config.clusters().size(), plural(config.clusters().size()));
        notes.forEach(n -> out.println("note: " + n));
        out.flush();
        return 0;
    }

    /** Problems on stdout, one per line (easy to grep or feed an editor); the count on stderr. */
    private int report(List<ConfigProblem> problems) {
        PrintWriter out = spec.commandLine().getOut();
        problems.forEach(out::println);
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.printf("%d problem%s%n", problems.size(), plural(problems.size()));
        err.flush();
        return 1;
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}
