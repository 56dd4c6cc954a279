package io.opsdeck.console.live;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.opsdeck.agent.Agent;
import io.opsdeck.agent.AgentSettings;
import java.io.IOException;
import java.nio.file.Path;

/** A real agent that sends every notification to its desktop event stream only, for the console's stream tests. */
final class DesktopAgent {

    private DesktopAgent() {
    }

    /** Listens on {@code port}, database in {@code dir}; the console reads as user console (viewer, token console-token). */
    static Agent start(Path dir, int port) throws IOException {
        String yaml = """
                listen: 127.0.0.1:%d
                database: %s/agent.db
                users:
                  - {name: console, role: viewer, token: console-token}
                channels:
                  - {name: desk, type: desktop}
                routes:
                  - {name: all, channels: [desk]}
                """.formatted(port, dir);
        return Agent.start(AgentSettings.fromYaml(new YAMLMapper().readTree(yaml)));
    }
}
