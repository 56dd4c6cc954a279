package io.opsdeck.cli;

import io.opsdeck.agent.Agent;
import io.opsdeck.agent.AgentSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code opsdeck agent}: runs the notification agent until SIGTERM or Ctrl+C, then shuts down gracefully. */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Run the headless notification agent (Alertmanager webhook intake, outbox, channels, API).")
public final class AgentCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    @Option(names = "--agent-config", paramLabel = "FILE",
            description = "YAML file with the agent settings (its top level, or its 'agent:' key). Default: the 'agent:' key of --config.")
    Path agentConfig;

    @Option(names = "--check", description = "Validate the settings and templates, print problems and exit.")
    boolean check;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AgentSettings settings = settings();
        if (check) {
            List<String> problems = Agent.validate(settings);
            problems.forEach(p -> err.println("opsdeck agent: " + p));
            if (problems.isEmpty()) {
                out.println("agent settings OK");
            }
            out.flush();
            err.flush();
            return problems.isEmpty() ? 0 : 1;
        }
        Agent agent = Agent.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.close();
            stopped.countDown();
        }, "opsdeck-agent-shutdown"));
        out.println("opsdeck agent listening on " + agent.baseUrl() + " (database " + settings.database() + ")");
        out.flush();
        stopped.await();
        return 0;
    }

    private AgentSettings settings() {
        if (agentConfig != null) {
            return AgentSettings.load(agentConfig);
        }
        Path config = global.config;
        if (config == null) {
            String env = System.getenv("OPSDECK_CONFIG");
            config = env != null ? Path.of(env) : Path.of(System.getProperty("user.home"), ".config", "opsdeck", "opsdeck.yaml");
            if (env == null && !Files.exists(config)) {
                return AgentSettings.fromYaml(null);
            }
        }
        return AgentSettings.loadSection(config);
    }
}
