package io.opsdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(out.toString()).isEqualTo(
                "OK: 2 Prometheus sources, 3 Alertmanager sources in 2 clusters" + System.lineSeparator());
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
}
