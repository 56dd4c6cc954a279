package io.opsdeck.cli;

import io.opsdeck.util.JitPriority;
import java.util.Map;
import picocli.CommandLine;

/** The single entry point of the jar: {@code opsdeck [command] ...}; the console is the default. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (opensConsoleWindow(args, System.getenv(), System.getProperty("glass.platform"))) {
            // first thing: from here on the JIT yields the cores to the threads that build the window
            JitPriority.lowerInBackground();
        }
        System.exit(run(args));
    }

    /**
     * Whether {@code args} will most likely open the console's window: the console command (or none), not asking
     * for help or the version, with a display to open it on (an X or Wayland display, or Monocle in tests).
     */
    static boolean opensConsoleWindow(String[] args, Map<String, String> env, String glassPlatform) {
        if (args.length > 0 && !"console".equals(args[0])) {
            return false;
        }
        for (String arg : args) { // a plain loop: a lambda here is spun before anything else, at every start
            if (arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
                return false;
            }
        }
        return env.containsKey("DISPLAY") || env.containsKey("WAYLAND_DISPLAY")
                || "Monocle".equals(glassPlatform);
    }

    /** Runs a command line and returns its exit code; never calls {@link System#exit}. */
    public static int run(String... args) {
        // No arguments runs the console, exactly as the root command's call() would; this way it takes the fast path.
        String[] effective = args.length == 0 ? new String[] {"console"} : args;
        CommandLine cli = OpsdeckCommand.commandLineFor(effective);
        return cli.execute(effective);
    }
}
