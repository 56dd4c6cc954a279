package io.opsdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    @Test
    void versionNamesTheRuntime() {
        CommandLine cli = OpsdeckCommand.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("version")).isZero();
        assertThat(out.toString()).startsWith("opsdeck ").contains("Java " + Runtime.version().feature());
    }

    @Test
    void unknownCommandIsAUsageError() {
        CommandLine cli = OpsdeckCommand.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("frobnicate");
    }
}
