package io.opsdeck.cli;

import picocli.CommandLine;

/** The single entry point of the jar: {@code opsdeck [command] ...}; the console is the default. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; never calls {@link System#exit}. */
    public static int run(String... args) {
        CommandLine cli = OpsdeckCommand.commandLine();
        return cli.execute(args);
    }
}
