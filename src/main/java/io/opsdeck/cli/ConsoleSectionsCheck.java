package io.opsdeck.cli;

import io.opsdeck.config.ConfigCheck;
import io.opsdeck.config.ConfigException;
import io.opsdeck.config.ConfigProblem;
import io.opsdeck.config.OpsdeckConfig;
import io.opsdeck.console.live.AgentEndpoint;
import io.opsdeck.console.live.ConfiguredRoles;
import java.util.ArrayList;
import java.util.List;

/** The sections the console binds: {@code roles} and the agent's {@code url}/{@code token}. */
final class ConsoleSectionsCheck implements ConfigCheck {

    @Override
    public String name() {
        return "roles and agent";
    }

    @Override
    public List<ConfigProblem> check(OpsdeckConfig config) {
        List<ConfigProblem> problems = new ArrayList<>(ConfiguredRoles.check(config));
        try {
            AgentEndpoint.of(config);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        return problems;
    }
}
