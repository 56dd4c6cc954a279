package io.opsdeck.simulate.demo;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a {@link AgentLauncher} or {@link ConsoleLauncher} needs to join the demo.
 *
 * @param dir         the demo's temporary folder; a part may keep its files in a sub-folder
 * @param configFile  the OpsDeck configuration naming the demo's Prometheus and Alertmanager
 * @param agentPort   the loopback port Alertmanager's webhooks point at; the agent must listen on it
 * @param simulator   the simulator's base URL (its control API is under /api/v1)
 * @param prometheus  the demo Prometheus
 * @param alertmanager the demo Alertmanager
 * @param stop        asks the whole demo to stop, e.g. when the console window is closed
 */
public record DemoContext(Path dir, Path configFile, int agentPort, URI simulator, URI prometheus, URI alertmanager,
                          Runnable stop) {

    public DemoContext {
        Objects.requireNonNull(dir);
        Objects.requireNonNull(configFile);
        Objects.requireNonNull(stop);
    }

    /** {@code http://127.0.0.1:<agentPort>}. */
    public URI agentUrl() {
        return URI.create("http://127.0.0.1:" + agentPort);
    }
}
