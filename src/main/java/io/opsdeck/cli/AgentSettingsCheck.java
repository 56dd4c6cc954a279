package io.opsdeck.cli;

import io.opsdeck.agent.Agent;
import io.opsdeck.agent.AgentSettings;
import io.opsdeck.config.ConfigCheck;
import io.opsdeck.config.ConfigProblem;
import io.opsdeck.config.OpsdeckConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's own settings in the {@code agent:} section: unknown keys, routes naming missing channels, and
 * templates that do not compile, found by {@code opsdeck check} instead of at 3 a.m.
 */
final class AgentSettingsCheck implements ConfigCheck {

    @Override
    public String name() {
        return "agent settings";
    }

    @Override
    public List<ConfigProblem> check(OpsdeckConfig config) {
        if (config.file().isEmpty() || config.section("agent").isEmpty()) {
            return List.of();
        }
        Path file = config.file().get();
        int line = config.section("agent").get().line();
        List<ConfigProblem> problems = new ArrayList<>();
        try {
            for (String problem : Agent.validate(AgentSettings.loadSection(file))) {
                problems.add(new ConfigProblem(file.toString(), line, "agent", problem));
            }
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(file.toString(), line, "agent", e.getMessage()));
        }
        return problems;
    }
}
