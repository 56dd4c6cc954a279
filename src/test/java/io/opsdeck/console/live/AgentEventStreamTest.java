package io.opsdeck.console.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsdeck.agent.Agent;
import io.opsdeck.console.AgentNotification;
import io.opsdeck.http.ConnectionSettings;
import io.opsdeck.simulate.stack.FreePorts;
import io.opsdeck.util.Secret;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's client of a real agent's event stream through outages and agent restarts. */
class AgentEventStreamTest {

    private static final OkHttpClient HTTP = new OkHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final int agentPort = FreePorts.next();
    private Agent agent;
    private final List<AgentNotification> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    private Agent startAgent() throws IOException {
        agent = DesktopAgent.start(dir, agentPort);
        return agent;
    }

    private void fire(String name) throws IOException {
        var root = JSON.createObjectNode();
        root.put("version", "4").put("groupKey", "{}:{alertname=\"" + name + "\"}").put("status", "firing").put("receiver", "opsdeck");
        var alert = root.putArray("alerts").addObject();
        alert.put("status", "firing").put("startsAt", "2026-01-01T10:00:00Z").put("fingerprint", "fp-" + name);
        alert.putObject("labels").put("alertname", name).put("severity", "critical").put("instance", "web-1");
        alert.putObject("annotations").put("summary", name + " on web-1");
        Request request = new Request.Builder().url("http://127.0.0.1:" + agentPort + "/api/v1/alertmanager/webhook")
                .post(RequestBody.create(root.toString(), MediaType.get("application/json"))).build();
        try (Response r = HTTP.newCall(request).execute()) {
            assertThat(r.code()).as("webhook for " + name).isEqualTo(200);
        }
    }

    private int delivered() throws IOException {
        Request request = new Request.Builder().url("http://127.0.0.1:" + agentPort + "/api/v1/notifications?channel=desk&status=delivered")
                .header("Authorization", "Bearer console-token").build();
        try (Response r = HTTP.newCall(request).execute()) {
            return JSON.readTree(r.body().string()).size();
        }
    }

    private AgentEventStream stream(int port) {
        ConnectionSettings connection = ConnectionSettings.builder("agent", HttpUrl.get("http://127.0.0.1:" + port + "/"))
                .bearerToken(Secret.of("console-token")).build();
        AgentEventStream stream = AgentEventStream.builder(connection).heartbeat(Duration.ofSeconds(1))
                .initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofMillis(400)).build();
        stream.subscribe(received::add);
        return stream.start();
    }

    private List<String> names() {
        return received.stream().map(AgentNotification::alertname).toList();
    }

    @Test
    void afterAnOutageTheMissedEventsArriveExactlyOnceAndInOrder() throws Exception {
        startAgent();
        try (TcpGate gate = new TcpGate(agentPort); AgentEventStream stream = stream(gate.port())) {
            await().atMost(Duration.ofSeconds(10)).until(stream::connected);
            fire("Before");
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);

            gate.cut();
            await().atMost(Duration.ofSeconds(10)).until(() -> !stream.connected());
            fire("DuringOne");
            fire("DuringTwo");
            await().atMost(Duration.ofSeconds(10)).until(() -> delivered() == 3);
            assertThat(stream.problem()).as("the outage is reported").isNotNull();
            gate.restore();

            await().atMost(Duration.ofSeconds(15)).until(() -> received.size() == 3);
            fire("After");
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 4);
            // one more outage with nothing missed: the reconnect replays nothing
            gate.cut();
            gate.restore();
            await().atMost(Duration.ofSeconds(10)).until(stream::connected);
            fire("Last");
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 5);
            assertThat(names()).containsExactly("Before", "DuringOne", "DuringTwo", "After", "Last");
            assertThat(received.getFirst().labels()).as("the alert's labels, for the role's filter")
                    .containsEntry("alertname", "Before").containsEntry("instance", "web-1");
            assertThat(received).extracting(AgentNotification::id).isSorted().doesNotHaveDuplicates();
            assertThat(stream.problem()).isNull();
        }
    }

    @Test
    void theStreamFollowsTheAgentThroughARestart() throws Exception {
        startAgent();
        try (AgentEventStream stream = stream(agentPort)) {
            await().atMost(Duration.ofSeconds(10)).until(stream::connected);
            fire("BeforeRestart");
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
            agent.close();
            agent = null;
            await().atMost(Duration.ofSeconds(10)).until(() -> !stream.connected());
            startAgent();
            await().atMost(Duration.ofSeconds(10)).until(stream::connected);
            fire("AfterRestart");
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
            assertThat(names()).containsExactly("BeforeRestart", "AfterRestart");
        }
    }

    @Test
    void aRefusedTokenIsReportedAndRetriedWithoutEvents() throws Exception {
        startAgent();
        ConnectionSettings wrong = ConnectionSettings.builder("agent", HttpUrl.get("http://127.0.0.1:" + agentPort + "/"))
                .bearerToken(Secret.of("not-the-token")).build();
        try (AgentEventStream stream = AgentEventStream.builder(wrong).initialBackoff(Duration.ofMillis(100)).build().start()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.problem() != null);
            assertThat(stream.problem()).contains("HTTP 401").contains("agent.token").doesNotContain("not-the-token");
            assertThat(stream.connected()).isFalse();
        }
    }
}
