package io.opsdeck.console.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.agent.Agent;
import io.opsdeck.config.ConfigLoader;
import io.opsdeck.console.AgentNotification;
import io.opsdeck.console.ConsoleServices;
import io.opsdeck.console.InMemoryPreferences;
import io.opsdeck.console.Severity;
import io.opsdeck.simulate.stack.FreePorts;
import io.opsdeck.teststack.AlertmanagerConfigs;
import io.opsdeck.teststack.RealStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A real Alertmanager sends its webhook to a real agent; the live console configured with both hears the agent. */
class AgentNotificationsLiveTest {

    private static final int AGENT_PORT = FreePorts.next();

    @RegisterExtension
    static final RealStack STACK = RealStack.builder().alertmanagers(1)
            .alertmanagerConfig(AlertmanagerConfigs.webhookToAgent(AGENT_PORT, "1h")).build();

    @TempDir
    Path dir;

    @Test
    void aWebhookFromAlertmanagerReachesTheConsoleThroughTheAgentsStream() throws Exception {
        Path file = Files.writeString(dir.resolve("opsdeck.yaml"), """
                alertmanager:
                  - { name: am, url: "%s" }
                agent:
                  url: http://127.0.0.1:%d
                  token: console-token
                """.formatted(STACK.alertmanager().baseUrl(), AGENT_PORT));
        List<AgentNotification> received = new CopyOnWriteArrayList<>();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (Agent agent = DesktopAgent.start(dir, AGENT_PORT);
             LiveConsole live = LiveConsole.builder(ConfigLoader.builder().build().load(file), scheduler)
                     .preferences(new InMemoryPreferences()).secretStore(ConsoleServices.secretStoreIn(dir.resolve("secrets")))
                     .build()) {
            live.services().agentNotifications().subscribe(received::add);
            AgentEventStream stream = (AgentEventStream) live.services().agentNotifications();
            await().atMost(Duration.ofSeconds(10)).until(stream::connected);

            Request post = new Request.Builder().url(STACK.alertmanager().baseUrl().resolve("/api/v2/alerts").toString())
                    .post(RequestBody.create("""
                            [{"labels": {"alertname": "GpuHot", "severity": "critical", "instance": "ml-1"},
                              "annotations": {"summary": "GPU at 92C"}}]""", MediaType.get("application/json"))).build();
            try (Response r = new OkHttpClient().newCall(post).execute()) {
                assertThat(r.code()).isEqualTo(200);
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
            AgentNotification n = received.get(0);
            assertThat(n.alertname()).isEqualTo("GpuHot");
            assertThat(n.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(n.firing()).isTrue();
            assertThat(n.fingerprint()).as("Alertmanager's fingerprint, shared with the console's alert feed").hasSize(16);
            assertThat(stream.lastEventId()).isEqualTo(n.id());
            await().atMost(Duration.ofSeconds(15)).until(() -> live.services().alerts().current().stream()
                    .anyMatch(a -> a.fingerprint().equals(n.fingerprint())));
        } finally {
            scheduler.shutdownNow();
        }
    }
}
