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
        // No arguments runs the console, exactly as the root command's call() would; this way it takes the fast path.
        String[] effective = args.length == 0 ? new String[] {"console"} : args;
        CommandLine cli = OpsdeckCommand.commandLineFor(effective);
        return cli.execute(effective);
    }
}
