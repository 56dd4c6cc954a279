package io.opsdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Option checks that happen before the toolkit starts. */
class ConsoleCommandTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = OpsdeckCommand.commandLine();
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void unknownThemeIsAUsageErrorNamingTheChoices() {
        assertThat(run("console", "--theme", "purple")).isEqualTo(2);
        assertThat(err.toString()).contains("--theme must be light, dark or contrast, not 'purple'");
    }

    @TempDir
    Path dir;

    @Test
    void unknownRoleListsTheKnownOnesIncludingConfiguredRoles() throws IOException {
        Path config = Files.writeString(dir.resolve("opsdeck.yaml"), """
                prometheus:
                  - { name: main, url: "http://127.0.0.1:1" }
                roles:
                  - { name: SRE, dashboards: [noc] }
                """);
        assertThat(run("console", "--config", config.toString(), "--role", "Janitor")).isEqualTo(2);
        assertThat(err.toString()).contains("no role named 'Janitor'").contains("Executive, DevOps, DBA, MLOps, SRE");
    }

    @Test
    void brokenConfigIsReportedWithFileAndLineAndExitsOne() throws IOException {
        Path config = Files.writeString(dir.resolve("opsdeck.yaml"), """
                prometheus:
                  - { name: main, url: "http://127.0.0.1:1" }
                roles:
                  - name: SRE
                    dashbords: [noc]
                """);
        assertThat(run("console", "--config", config.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(config + ":5: roles[0].dashbords: unknown key; did you mean \"dashboards\"?");
    }

    @Test
    void unreadablePlaylistIsNamed() {
        assertThat(run("console", "--wall", "--playlist", "/nonexistent/wall.yaml")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read playlist /nonexistent/wall.yaml");
    }

    @Test
    void helpDocumentsTheWayOutOfWallMode() {
        StringWriter out = new StringWriter();
        CommandLine cli = OpsdeckCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("console", "--help")).isZero();
        assertThat(out.toString()).contains("Ctrl+Shift+Q").contains("--wall").contains("--playlist").doesNotContain("--screenshot");
    }
}
