package io.opsdeck.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plan files as people break them: every error names the file and the line, and says what is wrong. */
class PlanLoaderTest {

    private static final String GOOD = """
            plans:
              - name: clean
                match: ['alertname="DiskFull"']
                params:
                  host: {label: instance, regex: '[a-z][a-z0-9-]{0,62}'}
                risk: low
                action:
                  http: {url: '{{simulator_url}}/api/v1/actions', body: {host: '{{host}}', action: clean_disk}}
            """;

    @TempDir
    Path dir;

    private final RemediationSettings settings = new RemediationSettings(true, null, null, null,
            java.util.List.of("http://127.0.0.1:9800/api/v1/actions"), java.util.Map.of("simulator_url", "http://127.0.0.1:9800"),
            null, null, null, null, null, null, null);

    private Path write(String name, String yaml) throws Exception {
        Files.writeString(dir.resolve(name), yaml);
        return dir;
    }

    @Test
    void theShippedPlansLoadWithTheDemoSettings() {
        assertThat(PlanLoader.load(Path.of("rules/remediation"), settings)).extracting(RemediationPlan::name)
                .containsExactlyInAnyOrder("cancel-long-queries", "flush-redis", "clean-disk", "restart-service", "restart-inference",
                        "scale-workers");
    }

    @Test
    void brokenYamlNamesTheFileAndLine() throws Exception {
        write("a.yaml", GOOD);
        write("broken.yaml", GOOD.replace("    risk: low", "    risk: 'low").replace("    action:", "    action: 'x\n  - {"));
        assertThatThrownBy(() -> PlanLoader.load(dir, settings)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("broken.yaml:").hasMessageMatching("broken\\.yaml:[6-9]: .*while parsing.*expected.*");
        assertThatThrownBy(() -> PlanLoader.load(dir, settings)).hasMessageNotContaining("a.yaml");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheFileTheLineAndTheKey() throws Exception {
        write("type.yaml", GOOD.replace("    risk: low", "    risk: [low]"));
        assertThatThrownBy(() -> PlanLoader.load(dir, settings)).hasMessageStartingWith("type.yaml:6: at plans[0].risk:");
    }

    @Test
    void anUnknownKeyNamesTheFileTheLineAndTheKnownKeys() throws Exception {
        write("typo.yaml", GOOD.replace("    risk: low", "    rsk: low"));
        assertThatThrownBy(() -> PlanLoader.load(dir, settings))
                .hasMessageStartingWith("typo.yaml:6: at plans[0].rsk: unknown key 'rsk'").hasMessageContaining("risk");
    }

    @Test
    void aBadRegexNamesTheFileTheLineAndTheParameter() throws Exception {
        write("regex.yaml", GOOD.replace("regex: '[a-z][a-z0-9-]{0,62}'", "regex: '[a-z'"));
        assertThatThrownBy(() -> PlanLoader.load(dir, settings))
                .hasMessageStartingWith("regex.yaml:5:").hasMessageContaining("params").hasMessageContaining("bad regex '[a-z'");
    }

    @Test
    void anUnknownRiskNamesTheFileAndLine() throws Exception {
        write("risk.yaml", GOOD.replace("risk: low", "risk: extreme"));
        assertThatThrownBy(() -> PlanLoader.load(dir, settings))
                .hasMessageStartingWith("risk.yaml:").hasMessageContaining("extreme");
    }

    @Test
    void anUnknownPlaceholderNamesThePlanAndItsLine() throws Exception {
        write("ph.yaml", "# comment\n" + GOOD.replace("host: '{{host}}'", "host: '{{hostname}}'"));
        assertThatThrownBy(() -> PlanLoader.load(dir, settings))
                .hasMessageStartingWith("ph.yaml:3: plan clean: action: unknown placeholder {{hostname}}");
    }

    @Test
    void aUrlOutsideTheAllowListIsRefusedAtLoad() throws Exception {
        write("url.yaml", GOOD.replace("'{{simulator_url}}/api/v1/actions'", "'http://127.0.0.1:9800/api/v1/admin'"));
        assertThatThrownBy(() -> PlanLoader.load(dir, settings))
                .hasMessageStartingWith("url.yaml:2: plan clean: action.http.url:");
    }

    @Test
    void aCommandWithAPlaceholderInsideAnArgumentIsRefused() throws Exception {
        write("cmd.yaml", GOOD.replace("http: {url: '{{simulator_url}}/api/v1/actions', body: {host: '{{host}}', action: clean_disk}}",
                "command: [/usr/bin/ssh, '--host={{host}}']"));
        assertThatThrownBy(() -> PlanLoader.load(dir, settings))
                .hasMessageStartingWith("cmd.yaml:").hasMessageContaining("a placeholder must be an entire argument");
    }

    @Test
    void aPlanNameUsedTwiceNamesTheSecondFileAndLine() throws Exception {
        write("a.yaml", GOOD);
        write("b.yaml", "\n\n" + GOOD);
        assertThatThrownBy(() -> PlanLoader.load(dir, settings)).hasMessage("b.yaml:4: plan name 'clean' is used twice");
    }

    @Test
    void aFileWithoutPlansAndAMissingFolderAreNamed() throws Exception {
        write("empty.yaml", "# nothing yet\n");
        assertThatThrownBy(() -> PlanLoader.load(dir, settings)).hasMessage("empty.yaml:1: the file needs a 'plans:' list");
        assertThatThrownBy(() -> PlanLoader.load(dir.resolve("nope"), settings)).hasMessageContaining("nope: no such folder");
    }
}
