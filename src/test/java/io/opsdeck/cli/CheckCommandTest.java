package io.opsdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import io.opsdeck.config.ConfigCheck;
import io.opsdeck.config.ConfigException;
import io.opsdeck.config.ConfigLoader;
import io.opsdeck.config.OpsdeckConfig;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CheckCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int check(String... args) {
        CommandLine cli = OpsdeckCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void cleanConfigSummarisesSourcesAndClustersAndExitsZero() throws IOException {
        Path file = Files.writeString(dir.resolve("opsdeck.yaml"), """
                prometheus:
                  - { name: main, url: "http://127.0.0.1:9090" }
                  - { name: vm, url: "http://127.0.0.1:8428" }
                alertmanager:
                  - { name: am-1, url: "http://127.0.0.1:9093", cluster: eu }
                  - { name: am-2, url: "http://127.0.0.1:9094", cluster: eu }
                  - { name: am-us, url: "http://127.0.0.1:9095" }
                """);
        assertThat(check("check", "--config", file.toString())).isZero();
        assertThat(out.toString().lines().findFirst()).contains(
                "OK: 2 Prometheus sources, 3 Alertmanager sources in 2 clusters");
    }

    @Test
    void everyProblemIsPrintedOnItsOwnLineAndExitIsOne() throws IOException {
        Path file = Files.writeString(dir.resolve("opsdeck.yaml"), """
                prometheus:
                  - name: main
                    url: http://127.0.0.1:9090
                    timout: 30s
                  - name: main
                    url: http://127.0.0.1:9091
                """);
        assertThat(check("check", "--config", file.toString())).isEqualTo(1);
        assertThat(out.toString().lines()).containsExactly(
                file + ":4: prometheus[0].timout: unknown key; did you mean \"timeout\"?",
                file + ":5: prometheus[1].name: duplicate name \"main\" (also prometheus[0] at line 2)");
        assertThat(err.toString()).contains("2 problems");
    }

    @Test
    void missingFileIsAProblem() {
        Path file = dir.resolve("absent.yaml");
        assertThat(check("check", "-c", file.toString())).isEqualTo(1);
        assertThat(out.toString()).isEqualTo(file + ": file not found" + System.lineSeparator());
    }

    private static final Path REPO = Path.of(System.getProperty("user.dir"));

    @Test
    void shippedDashboardsRulesAndAlertmanagerConfigCheckClean() throws IOException {
        Path file = Files.writeString(dir.resolve("opsdeck.yaml"), """
                prometheus:
                  - { name: main, url: "http://127.0.0.1:9090" }
                dashboards: { dirs: [%s] }
                rules: { dirs: [%s], alertmanager_config: %s }
                """.formatted(REPO.resolve("dashboards"), REPO.resolve("rules/prometheus"),
                REPO.resolve("rules/alertmanager/alertmanager.yml")));
        long ruleFiles;
        try (var s = Files.list(REPO.resolve("rules/prometheus"))) {
            ruleFiles = s.filter(p -> p.toString().endsWith(".yml")).count();
        }
        assertThat(check("check", "--config", file.toString())).as(out.toString()).isZero();
        assertThat(out.toString())
                .contains("note: 5 dashboards checked in " + REPO.resolve("dashboards"))
                .contains("note: " + ruleFiles + " rule files checked with promtool")
                .contains("note: " + REPO.resolve("rules/alertmanager/alertmanager.yml") + " checked with amtool");
    }

    @Test
    void brokenDashboardIsReportedWithFileAndPanel() throws IOException {
        Path dashboards = Files.createDirectory(dir.resolve("dash"));
        Path broken = Files.writeString(dashboards.resolve("broken.yaml"), """
                title: Broken
                rows:
                  - title: Row
                    panels:
                      - stat:
                          title: Odd unit
                          expr: up{instance="$nosuch"}
                          unit: furlongs
                """);
        Path file = Files.writeString(dir.resolve("opsdeck.yaml"), """
                prometheus:
                  - { name: main, url: "http://127.0.0.1:9090" }
                dashboards: { dirs: [dash] }
                """);
        assertThat(check("check", "--config", file.toString())).isEqualTo(1);
        assertThat(out.toString().lines()).contains(
                broken + ": panel 2 'Odd unit': query A references undefined variable '$nosuch'",
                broken + ": panel 2 'Odd unit': unknown unit 'furlongs' (shown as a plain suffix)");
    }

    @Test
    void brokenRuleFileIsReportedWithFileAndLine() throws IOException {
        Path rules = Files.createDirectory(dir.resolve("rules"));
        Path broken = Files.writeString(rules.resolve("broken.yml"), """
                groups:
                  - name: g
                    rules:
                      - alert: HalfWritten
                        expr: up ==
                """);
        Path typo = Files.writeString(rules.resolve("typo.yml"), """
                groups:
                  - name: g
                    rules:
                      - alert: Typo
                        exp: up == 0
                """);
        Path file = Files.writeString(dir.resolve("opsdeck.yaml"), """
                prometheus:
                  - { name: main, url: "http://127.0.0.1:9090" }
                rules: { dirs: [rules] }
                """);
        assertThat(check("check", "--config", file.toString())).isEqualTo(1);
        assertThat(out.toString().lines())
                .anySatisfy(l -> assertThat(l).startsWith(broken + ":5: group \"g\", rule 1, \"HalfWritten\": could not parse expression"))
                .contains(typo + ":5: field exp not found in type rulefmt.RuleNode");
    }

    @Test
    void brokenAlertmanagerConfigIsReportedWithLine() throws IOException {
        Path am = Files.writeString(dir.resolve("am.yml"), """
                route:
                  receiver: main
                  group_wiat: 10s
                receivers:
                  - name: main
                """);
        Path file = Files.writeString(dir.resolve("opsdeck.yaml"), """
                prometheus:
                  - { name: main, url: "http://127.0.0.1:9090" }
                rules: { alertmanager_config: am.yml }
                """);
        assertThat(check("check", "--config", file.toString())).isEqualTo(1);
        assertThat(out.toString().lines()).contains(am + ":3: field group_wiat not found in type config.plain");
    }

    @Test
    void withoutPromtoolRuleFilesAreANoteNotAFailure() throws IOException {
        Files.createDirectory(dir.resolve("rules"));
        Files.writeString(dir.resolve("rules/any.yml"), "groups: []\n");
        Path file = Files.writeString(dir.resolve("opsdeck.yaml"), """
                prometheus:
                  - { name: main, url: "http://127.0.0.1:9090" }
                rules: { dirs: [rules] }
                """);
        OpsdeckConfig config;
        try {
            config = ConfigLoader.builder().build().load(file);
        } catch (ConfigException e) {
            throw new AssertionError(e.problems().toString());
        }
        ConfigCheck.Result result = new PrometheusRulesCheck(Optional.empty()).run(config);
        assertThat(result.problems()).isEmpty();
        assertThat(result.notes()).containsExactly("promtool not installed (Debian package prometheus): rule files not checked");
    }

    @Test
    void unknownRoleKeyIsNamedWithItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("opsdeck.yaml"), """
                prometheus:
                  - { name: main, url: "http://127.0.0.1:9090" }
                roles:
                  - name: SRE
                    dashboards: [noc]
                    notify: { severities: [critical, urgent] }
                """);
        assertThat(check("check", "--config", file.toString())).isEqualTo(1);
        assertThat(out.toString().lines()).contains(
                file + ":6: roles[0].notify.severities[1]: \"urgent\" is not a severity (critical, warning, info)");
    }

    @Test
    void brokenAgentTemplateAndUnknownChannelAreFoundByCheck() throws IOException {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("email.txt"), "{{ alert.alertname \n");
        Path file = Files.writeString(dir.resolve("opsdeck.yaml"), """
                prometheus:
                  - { name: main, url: "http://127.0.0.1:9090" }
                agent:
                  url: http://127.0.0.1:9097
                  templates: { dir: %s }
                  channels:
                    - { name: consoles, type: desktop }
                  routes:
                    - { name: all, channels: [pager] }
                """.formatted(templates));
        assertThat(check("check", "--config", file.toString())).isEqualTo(1);
        assertThat(out.toString()).contains(file + ":4: agent:").contains("email.txt").contains("pager");
    }
}
