package io.opsdeck.agent;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.opsdeck.console.live.AgentEndpoint;
import io.opsdeck.http.ConnectionSettings;
import io.opsdeck.simulate.stack.FreePorts;
import io.opsdeck.teststack.LocalReceiver;
import io.opsdeck.util.Secret;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * A real agent in this process for the console's history tests: channel {@code chat} (a webhook to a local
 * receiver, for the team and for recipient alice) and channel {@code broken} (a webhook to a closed port: every
 * notification there ends as a dead letter after two attempts). Users vera (viewer) and otto (operator).
 */
public final class HistoryAgent implements AutoCloseable {

    public static final String VIEWER = "viewer-token";
    public static final String OPERATOR = "operator-token";
    private final LocalReceiver receiver = new LocalReceiver();
    private final Agent agent;

    public HistoryAgent(Path dir) throws Exception {
        this(dir, 0);
    }

    /** @param port where it listens (0: any free port), e.g. one an Alertmanager's webhook config names */
    public HistoryAgent(Path dir, int port) throws Exception {
        String yaml = """
                agent:
                  listen: 127.0.0.1:%d
                  database: %s/agent.db
                  webhook_auth: {bearer: hook-token}
                  users:
                    - {name: vera, role: viewer, token: viewer-token}
                    - {name: otto, role: operator, token: operator-token}
                  delivery: {workers: 2, max_attempts: 2, initial_backoff: 100ms, max_backoff: 200ms}
                  channels:
                    - {name: chat, type: webhook, webhook: {url: '%s'}}
                    - {name: broken, type: webhook, webhook: {url: 'http://127.0.0.1:%d/closed'}}
                  recipients:
                    - {name: alice, channels: [chat]}
                  routes:
                    - {name: all, channels: [chat, broken], recipients: [alice]}
                """.formatted(port, dir, receiver.url("/chat"), FreePorts.next());
        agent = Agent.start(AgentSettings.fromYaml(new YAMLMapper().readTree(yaml).get("agent")));
    }

    public URI baseUrl() {
        return agent.baseUrl();
    }

    /** What the console's configuration would give: the agent's URL with this token. */
    public AgentEndpoint endpoint(String token) {
        return new AgentEndpoint(ConnectionSettings.builder("agent", HttpUrl.get(baseUrl()))
                .timeout(Duration.ofSeconds(5)).bearerToken(Secret.of(token)).build());
    }

    /** The local receiver behind channel {@code chat}. */
    public LocalReceiver receiver() {
        return receiver;
    }

    /** Posts an Alertmanager webhook (version 4) for one alert with labels alertname, severity and instance web-1. */
    public void alert(String name, String severity, String fingerprint, boolean resolved) throws IOException {
        String body = Webhooks.payload(Webhooks.groupKey(name), resolved ? "resolved" : "firing", fingerprint,
                Map.of("alertname", name, "severity", severity, "instance", "web-1"), "2026-01-01T10:00:00Z");
        Webhooks.Answer a = Webhooks.deliver(baseUrl(), "hook-token", body);
        if (a.code() != 200) {
            throw new IOException("webhook refused: HTTP " + a.code() + " " + a.body());
        }
    }

    private boolean closed;

    /** Stops the agent (again: nothing); the receiver too. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        agent.close();
        receiver.close();
    }
}
