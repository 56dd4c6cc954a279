package io.opsdeck.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command. Without a subcommand it runs {@code console}. */
@Command(
        name = "opsdeck",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "Operations console and agent for Prometheus and Alertmanager.",
        subcommands = {
            ConsoleCommand.class,
            AgentCommand.class,
            SimulateCommand.class,
            DemoCommand.class,
            CheckCommand.class,
            QueryCommand.class,
            AlertsCommand.class,
            SilencesCommand.class,
            AuditCommand.class,
            VersionCommand.class,
            CommandLine.HelpCommand.class
        })
public final class OpsdeckCommand implements Callable<Integer> {

    @CommandLine.Mixin
    GlobalOptions global = new GlobalOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The whole command tree: every subcommand's annotated model, built by reflection. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new OpsdeckCommand());
        cli.setExecutionExceptionHandler(new CliErrors());
        return cli;
    }

    /**
     * The command line to run {@code args} with. For the console ({@code opsdeck console ...}) only the console
     * subcommand under a bare {@code opsdeck} root: building every subcommand's model by reflection loads a few
     * hundred classes and was the largest single cost of the console's start-up (docs/performance.md, "Console
     * start-up"). Parsing, help, errors and exit codes of {@code console} are the same either way
     * (OpsdeckCommandTest compares them); anything else gets the whole tree.
     */
    static CommandLine commandLineFor(String... args) {
        if (args.length == 0 || !"console".equals(args[0])) {
            return commandLine();
        }
        CommandLine cli = new CommandLine(CommandLine.Model.CommandSpec.create().name("opsdeck"));
        cli.addSubcommand("console", new ConsoleCommand());
        cli.setExecutionExceptionHandler(new CliErrors()); // after addSubcommand: it is copied to the subcommands
        return cli;
    }

    @Override
    public Integer call() {
        return spec.commandLine().getSubcommands().get("console").execute(global.asArgs());
    }
}
