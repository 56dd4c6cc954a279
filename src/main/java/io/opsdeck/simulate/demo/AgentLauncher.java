package io.opsdeck.simulate.demo;

import java.util.Optional;

/**
 * Starts the OpsDeck agent for the demo. The seam where the real agent plugs in: the CLI passes its launcher to
 * {@link Demo.Builder#agent(AgentLauncher)}; until the agent exists, {@link NotBuiltYet} starts nothing.
 *
 * <pre>{@code
 * Demo.builder().agent(ctx -> Optional.of(MyAgent.start(ctx.configFile(), ctx.agentPort()))).build().start();
 * }</pre>
 */
@FunctionalInterface
public interface AgentLauncher {

    /**
     * Starts the agent listening on {@code 127.0.0.1:}{@link DemoContext#agentPort()} (Alertmanager's webhooks
     * point there) and returns it, or empty when there is nothing to start.
     */
    Optional<DemoPart> start(DemoContext context) throws Exception;

    /** What the demo says about this launcher before it starts it. */
    default String describe() {
        return "agent";
    }

    /** The agent is not part of this build: the demo says so and runs without it. */
    final class NotBuiltYet implements AgentLauncher {
        @Override
        public Optional<DemoPart> start(DemoContext context) {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "agent: not built yet, skipping";
        }
    }
}
