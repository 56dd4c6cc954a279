package io.opsdeck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.rules.RuleSet.Alert;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every alert has a runbook, every runbook has an alert, and each runbook is about its own alert. */
class RunbooksTest {

    @Test
    void everyRunbookUrlPointsAtAnExistingFile() throws IOException {
        for (Alert a : RuleSet.alerts()) {
            Path runbook = Tools.ROOT.resolve(a.annotations().get("runbook_url"));
            assertThat(runbook).as("runbook of %s", a.name()).isRegularFile();
        }
    }

    @Test
    void everyRunbookBelongsToAnAlert() throws IOException {
        Set<String> names = alertNames();
        try (var files = Files.list(Tools.RUNBOOKS)) {
            List<String> orphans = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".md") && !n.equals("README.md"))
                    .map(n -> n.substring(0, n.length() - 3)).filter(n -> !names.contains(n)).toList();
            assertThat(orphans).as("runbooks without an alert").isEmpty();
        }
    }

    @Test
    void indexLinksEveryRunbook() throws IOException {
        String index = RuleSet.text(Tools.RUNBOOKS.resolve("README.md"));
        for (String name : alertNames()) {
            assertThat(index).contains("](" + name + ".md)");
        }
    }

    @Test
    void runbooksHaveTheSectionsAndQueryTheirAlertsOwnMetrics() throws IOException {
        for (Alert a : RuleSet.alerts()) {
            String text = RuleSet.text(Tools.ROOT.resolve(a.annotations().get("runbook_url")));
            assertThat(text).as(a.name()).contains("# " + a.name(), "## What it means", "## Impact", "## Diagnose",
                    "## Fix", "## Escalate", "```promql");
            Set<String> metrics = RuleSet.metricNames(a.expr());
            metrics.remove("vector");
            String diagnose = text.substring(text.indexOf("## Diagnose"));
            if (!a.name().equals("Watchdog")) { // vector(1) selects no metric; its runbook checks the pipeline
                assertThat(metrics).as("%s runbook diagnoses with one of its metrics", a.name())
                        .anyMatch(diagnose::contains);
            }
        }
    }

    private static Set<String> alertNames() throws IOException {
        Set<String> names = new TreeSet<>();
        RuleSet.alerts().forEach(a -> names.add(a.name()));
        return names;
    }
}
