package io.opsdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
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

    @Test
    void onlyACommandLineThatOpensTheWindowLowersTheJitPriority() {
        Map<String, String> x11 = Map.of("DISPLAY", ":0");
        assertThat(Main.opensConsoleWindow(new String[0], x11, null)).isTrue();
        assertThat(Main.opensConsoleWindow(new String[] {"console", "--role", "DBA"}, x11, null)).isTrue();
        assertThat(Main.opensConsoleWindow(new String[] {"console"}, Map.of("WAYLAND_DISPLAY", "wayland-0"), null)).isTrue();
        assertThat(Main.opensConsoleWindow(new String[] {"console"}, Map.of(), "Monocle")).isTrue();

        assertThat(Main.opensConsoleWindow(new String[] {"console"}, Map.of(), null)).as("no display").isFalse();
        assertThat(Main.opensConsoleWindow(new String[] {"console", "--help"}, x11, null)).isFalse();
        assertThat(Main.opensConsoleWindow(new String[] {"console", "-V"}, x11, null)).isFalse();
        assertThat(Main.opensConsoleWindow(new String[] {"agent"}, x11, null)).isFalse();
        assertThat(Main.opensConsoleWindow(new String[] {"query", "up"}, x11, null)).isFalse();
    }
}
