package io.opsdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@code opsdeck demo}: one clear line naming the problem, exit code non-zero, nothing left behind. */
class DemoCommandTest {

    @Test
    void malformedScenarioIsNamedWithFileAndLineBeforeAnythingStarts(@TempDir Path dir) throws IOException {
        Path scenario = dir.resolve("broken.yaml");
        Files.writeString(scenario, "steps:\n  - at: 1m\n    fault: { host: db-1, kind: disk_full }\n");
        List<Path> before = demoDirs();
        CommandRun run = CommandRun.opsdeck("demo", "--headless", "--scenario", scenario.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("opsdeck demo: " + scenario + ":2: unknown fault kind 'disk_full'");
        assertThat(run.out()).doesNotContain("starting");
        assertThat(demoDirs()).isEqualTo(before);
    }

    @Test
    void scenarioHostOutsideTheFleetIsNamedAndWhatStartedIsStoppedAndRemoved(@TempDir Path dir) throws IOException {
        Path scenario = dir.resolve("big.yaml");
        Files.writeString(scenario, "steps:\n  - at: 1m\n    fault: { host: db-7, kind: disk_fill }\n");
        List<Path> before = demoDirs();
        CommandRun run = CommandRun.opsdeck("demo", "--headless", "--hosts", "web=1,db=1", "--scenario",
                scenario.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(scenario + ":2: unknown host 'db-7'");
        assertThat(demoDirs()).isEqualTo(before);
    }

    @Test
    void badDurationAndFleetNameTheOption() {
        CommandRun duration = CommandRun.opsdeck("demo", "--headless", "--duration", "ten minutes");
        assertThat(duration.exit()).isEqualTo(2);
        assertThat(duration.err()).contains("--duration:");
        CommandRun hosts = CommandRun.opsdeck("demo", "--headless", "--hosts", "cache=2");
        assertThat(hosts.exit()).isEqualTo(2);
        assertThat(hosts.err()).contains("--hosts:", "unknown role 'cache'");
    }

    private static List<Path> demoDirs() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("opsdeck-demo-")).sorted().toList();
        }
    }
}
