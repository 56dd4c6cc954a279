package io.opsdeck.agent;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.opsdeck.console.live.AgentRemediationService;
import io.opsdeck.http.ConnectionSettings;
import io.opsdeck.http.HttpClients;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.HttpUrl;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real agent in this JVM with remediation on and real command plans (run without a shell), for console tests:
 * {@code restart-web} (medium risk, needs one approval, dry run with echo), {@code drain-web} (low risk, runs by
 * itself and sleeps so it can be seen running and cancelled). Users: alice and bob (approvers), otto (operator),
 * ada (admin), vera (viewer); tokens are {@code NAME-token}. Either started in a directory the test owns, or as a
 * JUnit extension for a test class (its own temporary directory, started before {@code @BeforeAll} methods, closed
 * after {@code @AfterAll}):
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RemediationAgent AGENT = RemediationAgent.perClass();
 * }</pre>
 */
public final class RemediationAgent implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private final List<OkHttpClient> clients = new CopyOnWriteArrayList<>();
    private Agent agent;
    private Path ownDir;

    private RemediationAgent() {
    }

    /** An agent started now with its plans and database in {@code dir}; close it when done. */
    public static RemediationAgent start(Path dir) throws Exception {
        RemediationAgent started = new RemediationAgent();
        started.agent = launch(dir);
        return started;
    }

    /** The agent as a per-class JUnit extension, started in a temporary directory of its own. */
    public static RemediationAgent perClass() {
        return new RemediationAgent();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ownDir = Files.createTempDirectory("opsdeck-remediation-agent");
        agent = launch(ownDir);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            close();
        } finally {
            try (Stream<Path> files = Files.walk(ownDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Agent launch(Path dir) throws Exception {
        Path plans = Files.createDirectories(dir.resolve("plans"));
        Files.writeString(plans.resolve("web.yaml"), """
                plans:
                  - name: restart-web
                    description: Restart the web service on the host.
                    match: ['alertname="WebDown"']
                    params: {host: {label: instance, regex: '[a-z][a-z0-9-]{0,62}'}}
                    risk: medium
                    auto: false
                    timeout: 20s
                    action: {command: [/bin/echo, 'restarted web on', '{{host}}']}
                    dry_run: {command: [/bin/echo, 'would restart web on', '{{host}}']}
                  - name: drain-web
                    description: Drain the host's queue (slow).
                    match: ['alertname="WebQueueFull"']
                    params: {host: {label: instance, regex: '[a-z][a-z0-9-]{0,62}'}}
                    risk: low
                    auto: true
                    timeout: 60s
                    action: {command: [/bin/sleep, '30']}
                """);
        String yaml = """
                agent:
                  listen: 127.0.0.1:0
                  database: %s/agent.db
                  users:
                    - {name: alice, role: approver, token: alice-token}
                    - {name: bob, role: approver, token: bob-token}
                    - {name: otto, role: operator, token: otto-token}
                    - {name: ada, role: admin, token: ada-token}
                    - {name: vera, role: viewer, token: vera-token}
                  remediation:
                    enabled: true
                    plans: %s
                    fleet_size: 100
                    limits: {cooldown: 1s}
                """.formatted(dir, plans);
        return Agent.start(AgentSettings.fromYaml(new YAMLMapper().readTree(yaml).get("agent")));
    }

    public URI baseUrl() {
        return agent.baseUrl();
    }

    /** The console's connection to this agent as {@code user} (token {@code user-token}). */
    public ConnectionSettings connection(String user) {
        return ConnectionSettings.builder("agent", HttpUrl.get(agent.baseUrl().toString())).bearerToken(
                io.opsdeck.util.Secret.of(user + "-token")).build();
    }

    /** The console's remediation client as {@code user}, on the wall clock; its HTTP client stops with this agent. */
    public AgentRemediationService service(String user) {
        return service(connection(user), Clock.systemUTC());
    }

    /** The console's remediation client over any connection (a wrong token, a closed port) and clock. */
    public AgentRemediationService service(ConnectionSettings connection, Clock clock) {
        OkHttpClient http = HttpClients.forSource(connection);
        clients.add(http);
        return new AgentRemediationService(connection, http, clock);
    }

    /** Posts a firing alert to the webhook as Alertmanager would; returns its fingerprint. */
    public String fire(String alertname, String instance) throws IOException {
        String fingerprint = Integer.toHexString((alertname + "/" + instance).hashCode());
        fire(fingerprint, Webhooks.demoLabels(alertname, instance));
        return fingerprint;
    }

    /** Posts one firing alert with exactly these labels and Alertmanager's fingerprint for them. */
    public void fire(String fingerprint, Map<String, String> labels) throws IOException {
        String body = Webhooks.payload(Webhooks.groupKey(labels.get("alertname")), "firing", fingerprint, labels, Instant.now().toString());
        Webhooks.Answer a = Webhooks.deliver(agent.baseUrl(), null, body);
        if (a.code() != 200) {
            throw new IOException("webhook answered " + a.code() + ": " + a.body());
        }
    }

    /** The agent's audit log as JSON text (everything, or one request's records). */
    public String audit(String request) throws IOException {
        return Webhooks.get(agent.baseUrl(), "/api/v1/audit" + (request == null ? "" : "?request=" + request), "vera-token").body();
    }

    public Agent agent() {
        return agent;
    }

    @Override
    public void close() {
        clients.forEach(c -> c.dispatcher().executorService().shutdown());
        if (agent != null) {
            agent.close();
        }
    }
}
