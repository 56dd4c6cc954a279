package io.opsdeck.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsdeck.simulate.stack.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentDeadLetterTest {

    @TempDir
    Path dir;

    @Test
    void unreachableSmtpServerIsRetriedThenDeadWithTheReason() throws Exception {
        int closedPort = FreePorts.next();
        try (Agent agent = Agent.start(AgentFixture.settings(AgentFixture.yaml(dir, closedPort, "http://127.0.0.1:1", null)))) {
            Webhooks.post(agent.baseUrl(), "/api/v1/alertmanager/webhook", "hook-token", Webhooks.firing("NoMail", "warning", "fp-nomail"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode dead = Webhooks.get(agent.baseUrl(), "/api/v1/notifications?status=dead", "viewer-token").json();
                assertThat(dead).hasSize(1);
                assertThat(dead.get(0).path("attempts").asInt()).isEqualTo(3);
                assertThat(dead.get(0).path("lastError").asText()).contains("channel mail").contains("127.0.0.1:" + closedPort)
                        .containsIgnoringCase("connect");
            });
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(Webhooks.get(agent.baseUrl(), "/metrics", null).body()).contains("opsdeck_notifications_total{channel=\"mail\",status=\"dead\"} 1.0")
                    .contains("opsdeck_notifications_total{channel=\"mail\",status=\"retry\"} 2.0"));
        }
    }

    @Test
    void pendingRetriesAndTheirReasonSurviveARestart() throws Exception {
        int closedPort = FreePorts.next();
        String yaml = AgentFixture.yaml(dir, closedPort, "http://127.0.0.1:1", null)
                .replace("initial_backoff: 100ms, max_backoff: 300ms", "initial_backoff: 1h, max_backoff: 1h");
        try (Agent agent = Agent.start(AgentFixture.settings(yaml))) {
            Webhooks.post(agent.baseUrl(), "/api/v1/alertmanager/webhook", "hook-token", Webhooks.firing("Later", "warning", "fp-later"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Webhooks.get(agent.baseUrl(),
                    "/api/v1/notifications?status=pending", "viewer-token").json().path(0).path("attempts").asInt()).isEqualTo(1));
        }
        try (Agent agent = Agent.start(AgentFixture.settings(yaml))) {
            JsonNode pending = Webhooks.get(agent.baseUrl(), "/api/v1/notifications?status=pending", "viewer-token").json();
            assertThat(pending).hasSize(1);
            assertThat(pending.get(0).path("lastError").asText()).contains("channel mail");
        }
    }
}
