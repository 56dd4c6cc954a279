package io.opsdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The console's fast path (only the console subcommand's model) must behave exactly like the whole tree. */
class OpsdeckCommandTest {

    static List<List<String>> consoleArguments() {
        return List.of(
                List.of("console", "--help"),
                List.of("console", "-h"),
                List.of("console", "--version"),
                List.of("console", "--bogus"),
                List.of("console", "--playlist"),
                List.of("console", "-c"),
                List.of("console", "--theme", "pink"),
                List.of("console", "--theme=pink", "--role", "DevOps"),
                List.of("console", "--playlist", "/nonexistent/playlist.yaml"),
                List.of("console", "stray-argument"),
                List.of("console", "--wall", "--wall"),
                List.of("console", "help"));
    }

    @ParameterizedTest
    @MethodSource("consoleArguments")
    void consoleFastPathParsesAndFailsLikeTheWholeTree(List<String> args) {
        String[] argv = args.toArray(String[]::new);
        Captured whole = run(OpsdeckCommand.commandLine(), argv);
        Captured fast = run(OpsdeckCommand.commandLineFor(argv), argv);
        assertThat(fast).isEqualTo(whole);
    }

    @Test
    void consoleFastPathBuildsOnlyTheConsoleSubcommand() {
        assertThat(OpsdeckCommand.commandLineFor("console", "--role", "DBA").getSubcommands()).containsOnlyKeys("console");
        assertThat(OpsdeckCommand.commandLineFor("console").getSubcommands().get("console").getCommandSpec().qualifiedName())
                .isEqualTo("opsdeck console");
    }

    @Test
    void everyOtherCommandLineGetsTheWholeTree() {
        for (String[] argv : new String[][] {{}, {"--help"}, {"agent"}, {"--config", "x.yaml", "console"}, {"Console"}}) {
            assertThat(OpsdeckCommand.commandLineFor(argv).getSubcommands()).as(String.join(" ", argv))
                    .containsKeys("console", "agent", "simulate", "demo", "check", "query", "alerts", "silences",
                            "audit", "version", "help");
        }
    }

    @Test
    void topLevelHelpStillListsEverySubcommand() {
        StringWriter out = new StringWriter();
        CommandLine cli = OpsdeckCommand.commandLineFor("--help");
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).contains("console", "agent", "simulate", "demo", "check", "query", "alerts",
                "silences", "audit", "version", "help");
    }

    private static Captured run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Captured(exit, out.toString(), err.toString());
    }

    private record Captured(int exit, String out, String err) {
    }
}
