package io.opsdeck.simulate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.config.ConfigLoader;
import io.opsdeck.config.OpsdeckConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoConfigsTest {

    private static final DemoHome HOME = new DemoHome(Path.of("").toAbsolutePath());

    @Test
    void everyAgentWebhookOfTheProjectConfigPointsAtTheDemoAgent() {
        String project = HOME.alertmanagerConfig().orElseThrow();
        long webhooks = project.lines().filter(l -> l.contains("url: http://127.0.0.1:9095/")).count();
        assertThat(webhooks).as("webhooks in rules/alertmanager/alertmanager.yml").isGreaterThan(1);

        String demo = DemoConfigs.alertmanager(project, 41234);
        assertThat(demo).doesNotContain("9095");
        assertThat(demo.lines().filter(l -> l.contains("url: http://127.0.0.1:41234/api/v1/alertmanager/")).count())
                .isEqualTo(webhooks);
    }

    @Test
    void missingAlertmanagerConfigFallsBackToOneRouteAndSaysWhichFile(@TempDir Path empty) {
        StringBuilder said = new StringBuilder();
        String config = DemoConfigs.alertmanager(new DemoHome(empty), 41234, said::append);
        assertThat(config).contains("url: http://127.0.0.1:41234/api/v1/alertmanager/webhook");
        assertThat(said).contains(empty.resolve("rules/alertmanager/alertmanager.yml").toString(), "is missing");
    }

    @Test
    void theWrittenOpsdeckConfigLoadsWithBothSourcesAndTheAgent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("opsdeck.yaml");
        Files.writeString(file, DemoConfigs.opsdeck(URI.create("http://127.0.0.1:9090"), URI.create("http://127.0.0.1:9093"), 9095));
        OpsdeckConfig config = ConfigLoader.builder().build().load(file);
        assertThat(config.defaultPrometheus().orElseThrow().connection().url()).hasToString("http://127.0.0.1:9090/");
        assertThat(config.alertmanager("demo-alertmanager").orElseThrow().connection().url()).hasToString("http://127.0.0.1:9093/");
        assertThat(config.section("agent")).isPresent();
        assertThat(io.opsdeck.agent.AgentSettings.loadSection(file).listen())
                .as("the console's agent url beside the agent's own settings is not an error").isNotBlank();
    }

    @Test
    void theJarCarriesAnExactCopyOfTheDemoScenario(@TempDir Path empty) throws Exception {
        DemoHome.Source bundled = new DemoHome(empty).scenario();
        assertThat(bundled.origin()).contains("bundled");
        assertThat(bundled.text()).as("src/main/resources/io/opsdeck/simulate/demo/scenario.yaml must equal "
                + "packaging/demo/scenario.yaml").isEqualTo(Files.readString(HOME.scenarioFile()));
    }

    @Test
    void missingRulesFolderGivesNoRuleFiles(@TempDir Path empty) {
        assertThat(new DemoHome(empty).prometheusRules()).isEmpty();
        assertThat(HOME.prometheusRules()).isNotEmpty().allMatch(p -> p.toString().endsWith(".yml"));
    }
}
