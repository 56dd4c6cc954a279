package io.opsdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
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

    @Test
    void unknownRoleListsTheKnownOnes() {
        assertThat(run("console", "--role", "Janitor")).isEqualTo(2);
        assertThat(err.toString()).contains("no role named 'Janitor'").contains("Executive, DevOps, DBA, MLOps");
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
