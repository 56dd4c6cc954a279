package io.opsdeck.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.teststack.LocalReceiver;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AgentNoiseTest {

    @RegisterExtension
    final AgentUnderTest agent = AgentUnderTest.notStarted();

    /** Starts the fixture's agent with {@code setting} of its YAML changed to {@code changed}. */
    private URI start(String setting, String changed) throws Exception {
        return agent.startEdited(yaml -> yaml.replace(setting, changed));
    }

    private List<String> subjects() {
        return agent.subjects();
    }

    @Test
    void flappingAlertIsSummarisedOnceThenQuiet() throws Exception {
        URI base = start("flap_changes: 6", "flap_changes: 4");
        Map<String, String> labels = Map.of("alertname", "Flappy", "severity", "warning", "instance", "web-2");
        for (int i = 0; i < 3; i++) {
            String startsAt = "2026-01-01T1" + i + ":00:00Z";
            for (String status : List.of("firing", "resolved")) {
                Webhooks.deliver(base, "hook-token",
                        Webhooks.payload(Webhooks.groupKey("Flappy"), status, "fp-flappy", labels, startsAt));
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> subjects().size() == 4);
        assertThat(subjects()).containsExactlyInAnyOrder("[OpsDeck] FIRING WARNING Flappy", "[OpsDeck] RESOLVED WARNING Flappy",
                "[OpsDeck] FIRING WARNING Flappy", "[OpsDeck] FLAPPING Flappy");
        assertThat(Webhooks.get(base, "/api/v1/notifications?alert=fp-flappy&status=suppressed", "viewer-token").json()).hasSize(2);
    }

    @Test
    void overflowBeyondTheChannelRateLimitArrivesAsADigest() throws Exception {
        URI base = start("{name: slack, type: slack,", "{name: slack, type: slack, rate_limit_per_minute: 2,");
        for (int i = 0; i < 4; i++) {
            Webhooks.deliver(base, "hook-token", Webhooks.firing("Burst" + i, "critical", "fp-burst" + i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.receiver().received().stream().filter(r -> r.path().startsWith("/slack")).count() == 3);
        List<String> bodies = agent.receiver().received().stream().filter(r -> r.path().startsWith("/slack")).map(LocalReceiver.Received::body).toList();
        assertThat(bodies).filteredOn(b -> b.contains("Digest: 2 alerts")).hasSize(1);
    }

    @Test
    void repeatOfAFiringAlertWithinTheRepeatIntervalIsSuppressed() throws Exception {
        URI base = agent.start(); // repeat_interval: 1h
        Map<String, String> labels = Map.of("alertname", "Again", "severity", "warning", "instance", "web-3");
        // a second Alertmanager group (another groupKey) reporting the same alert
        Webhooks.deliver(base, "hook-token", Webhooks.payload("g1", "firing", "fp-again", labels, "2026-01-01T10:00:00Z"));
        Webhooks.deliver(base, "hook-token", Webhooks.payload("g2", "firing", "fp-again", labels, "2026-01-01T10:00:00Z"));
        await().atMost(Duration.ofSeconds(10)).until(() -> subjects().size() == 1);
        assertThat(Webhooks.get(base, "/api/v1/notifications?alert=fp-again&status=suppressed", "viewer-token").json().get(0)
                .path("lastError").asText()).contains("repeat");
    }
}
