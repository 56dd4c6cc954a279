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

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new OpsdeckCommand());
        cli.setExecutionExceptionHandler(new CliErrors());
        return cli;
    }

    @Override
    public Integer call() {
        return spec.commandLine().getSubcommands().get("console").execute(global.asArgs());
    }
}
