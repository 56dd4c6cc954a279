package io.opsdeck.cli;

import picocli.CommandLine;

/** Turns an exception from a command into one readable line on stderr and exit code 1. */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        cli.getErr().println("opsdeck " + cli.getCommandName() + ": " + message);
        if (Boolean.getBoolean("opsdeck.debug")) {
            ex.printStackTrace(cli.getErr());
        }
        return 1;
    }
}
