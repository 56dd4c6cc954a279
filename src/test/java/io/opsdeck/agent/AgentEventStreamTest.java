package io.opsdeck.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.opsdeck.teststack.LocalReceiver;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The desktop event stream on the wire: Server-Sent Events with ids, heartbeats, resumption and auth. */
class AgentEventStreamTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private final LocalReceiver receiver = new LocalReceiver();
    private Agent agent;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        agent = AgentFixture.start(dir, SMTP.getSmtp().getPort(), receiver, null);
        base = agent.baseUrl();
    }

    @AfterEach
    void stop() {
        agent.close();
        receiver.close();
    }

    private void fire(String name, String fingerprint) throws Exception {
        assertThat(Webhooks.deliver(base, "hook-token", Webhooks.firing(name, "critical", fingerprint)).code())
                .isEqualTo(200);
    }

    private void awaitDesktopDelivered(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> Webhooks.get(base, "/api/v1/notifications?channel=desk&status=delivered",
                "viewer-token").json().size() == count);
    }

    @Test
    void notificationsArriveAsServerSentEventsWithIdsAndQuietStreamsGetHeartbeats() throws Exception {
        try (SseTap tap = new SseTap(base, "?heartbeat=1s", "viewer-token", null)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> tap.of("ready").size() == 1);
            assertThat(tap.status()).isEqualTo(200);
            assertThat(tap.contentType()).startsWith("text/event-stream");
            fire("StreamedCpu", "fp-stream");
            await().atMost(Duration.ofSeconds(10)).until(() -> tap.of("notification").size() == 1);
            SseTap.Event event = tap.of("notification").get(0);
            assertThat(event.json().path("subject").asText()).isEqualTo("CRITICAL StreamedCpu firing");
            assertThat(event.json().path("fingerprint").asText()).isEqualTo("fp-stream");
            assertThat(event.json().path("labels").path("severity").asText()).isEqualTo("critical");
            assertThat(event.id()).isEqualTo(event.json().path("seq").asText());
            await().atMost(Duration.ofSeconds(5)).until(() -> tap.of("comment").stream().anyMatch(c -> c.data().equals("heartbeat")));
        }
    }

    @Test
    void lastEventIdReplaysExactlyWhatTheConsoleMissed() throws Exception {
        String seen;
        try (SseTap first = new SseTap(base, null, "viewer-token", null)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> first.of("ready").size() == 1);
            fire("Before", "fp-before");
            await().atMost(Duration.ofSeconds(10)).until(() -> first.of("notification").size() == 1);
            seen = first.of("notification").get(0).id();
        }
        fire("MissedOne", "fp-missed-1");
        fire("MissedTwo", "fp-missed-2");
        awaitDesktopDelivered(3);
        try (SseTap again = new SseTap(base, null, "viewer-token", seen)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> again.of("notification").size() == 2);
            fire("Live", "fp-live");
            await().atMost(Duration.ofSeconds(10)).until(() -> again.of("notification").size() == 3);
            List<String> names = again.of("notification").stream().map(e -> {
                try {
                    return e.json().path("alertname").asText();
                } catch (java.io.IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            }).toList();
            assertThat(names).containsExactly("MissedOne", "MissedTwo", "Live");
            assertThat(again.of("ready").get(0).id()).isEqualTo(seen);
        }
    }

    @Test
    void aNewConsoleStartsAtTheEndInsteadOfReplayingHistory() throws Exception {
        fire("Old", "fp-old");
        awaitDesktopDelivered(1);
        try (SseTap tap = new SseTap(base, "?heartbeat=1s", "viewer-token", null)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> tap.of("comment").size() >= 1);
            assertThat(tap.of("notification")).isEmpty();
            fire("New", "fp-new");
            await().atMost(Duration.ofSeconds(10)).until(() -> tap.of("notification").size() == 1);
            assertThat(tap.of("notification").get(0).json().path("alertname").asText()).isEqualTo("New");
        }
    }

    @Test
    void theStreamNeedsAViewerTokenAndANumericPosition() throws Exception {
        assertThat(Webhooks.get(base, "/api/v1/events", null).code()).isEqualTo(401);
        assertThat(Webhooks.get(base, "/api/v1/events", "wrong-token").code()).isEqualTo(401);
        try (SseTap tap = new SseTap(base, null, "viewer-token", "yesterday")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> tap.status() == 400);
        }
    }
}
