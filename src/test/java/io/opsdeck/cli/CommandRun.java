package io.opsdeck.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code opsdeck ...} in-process with captured stdout/stderr, as a user would see them. */
record CommandRun(int exit, String out, String err) {

    static CommandRun opsdeck(String... args) {
        CommandLine cli = OpsdeckCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new CommandRun(exit, out.toString(), err.toString());
    }

    /** The command words first, then the shared source and matcher arguments. */
    static String[] args(String[] base, String... head) {
        List<String> all = new ArrayList<>(List.of(head));
        all.addAll(List.of(base));
        return all.toArray(String[]::new);
    }

    /** {@code 127.0.0.1:9093} from {@code http://127.0.0.1:9093}, the default source name. */
    static String host(String url) {
        return url.substring("http://".length());
    }

    List<String> lines() {
        return out.lines().toList();
    }
}
