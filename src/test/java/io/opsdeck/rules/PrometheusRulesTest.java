package io.opsdeck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the real promtool over every rule file and every rule unit test file. */
class PrometheusRulesTest {

    static Stream<Path> ruleFiles() throws IOException {
        return Tools.ruleFiles().stream();
    }

    static Stream<Path> ruleTestFiles() throws IOException {
        return Tools.ruleTestFiles().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleFiles")
    void promtoolAcceptsRuleFile(Path file) {
        Tools.Result result = Tools.run(List.of(Tools.promtool().toString(), "check", "rules", file.toString()));
        assertThat(result.exitCode()).as("promtool check rules %s said:%n%s", file, result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleTestFiles")
    void promtoolUnitTestsPass(Path file) {
        Tools.Result result = Tools.run(List.of(Tools.promtool().toString(), "test", "rules", file.toString()));
        assertThat(result.exitCode()).as("promtool test rules %s said:%n%s", file, result.output()).isZero();
    }

    @Test
    void everyAlertingCategoryHasATestFile() throws IOException {
        List<String> categories = Tools.ruleFiles().stream().map(p -> p.getFileName().toString())
                .filter(n -> !n.equals("recording.yml")).map(n -> n.replace(".yml", "")).toList();
        List<String> tests = Tools.ruleTestFiles().stream().map(p -> p.getFileName().toString())
                .map(n -> n.replace("_test.yml", "")).toList();
        assertThat(tests).containsAll(categories).contains("recording");
    }

    @Test
    void promtoolRejectsABrokenRuleSoTheCheckCanFail() throws IOException {
        Path broken = java.nio.file.Files.createTempFile("broken-rules", ".yml");
        try {
            java.nio.file.Files.writeString(broken,
                    "groups:\n- name: g\n  rules:\n  - alert: Broken\n    expr: rate(up[5m]\n");
            Tools.Result result = Tools.run(List.of(Tools.promtool().toString(), "check", "rules", broken.toString()));
            assertThat(result.exitCode()).isNotZero();
            assertThat(result.output()).contains("Broken");
        } finally {
            java.nio.file.Files.deleteIfExists(broken);
        }
    }
}
