package io.opsdeck.console.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.opsdeck.agent.HistoryAgent;
import io.opsdeck.console.AgentException;
import io.opsdeck.console.AgentHistory;
import io.opsdeck.console.AlertEvent;
import io.opsdeck.console.NotificationPage;
import io.opsdeck.console.NotificationRecord;
import io.opsdeck.console.NotificationSearch;
import io.opsdeck.console.ResolvedRecord;
import io.opsdeck.http.ConnectionSettings;
import io.opsdeck.simulate.stack.FreePorts;
import io.opsdeck.util.Secret;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's history client against a real agent in this process, and against answers a real agent never gives. */
class AgentHistoryLiveTest {

    @TempDir
    Path dir;
    private HistoryAgent agent;
    private AgentHistoryLive viewer;
    private AgentHistoryLive operator;

    @BeforeEach
    void start() throws Exception {
        agent = new HistoryAgent(dir);
        viewer = AgentHistoryLive.connect(agent.endpoint(HistoryAgent.VIEWER));
        operator = AgentHistoryLive.connect(agent.endpoint(HistoryAgent.OPERATOR));
    }

    @AfterEach
    void stop() {
        viewer.close();
        operator.close();
        agent.close();
    }

    @Test
    void searchFindsDeliveredAndDeadLettersWithTheirErrorsAndText() throws Exception {
        agent.alert("DiskFull", "warning", "fp-disk", false);
        var history = viewer.history().notifications();
        await().atMost(Duration.ofSeconds(15)).until(() -> history.search(NotificationSearch.recent().withStatus("dead")).items().size() == 1);
        NotificationRecord dead = history.search(NotificationSearch.recent().withStatus("dead")).items().getFirst();
        assertThat(dead.deadLetter()).isTrue();
        assertThat(dead.channel()).isEqualTo("broken");
        assertThat(dead.attempts()).isEqualTo(2);
        assertThat(dead.lastError()).isNotEmpty();
        assertThat(dead.text()).contains("DiskFull");
        await().atMost(Duration.ofSeconds(10)).until(() -> history.search(NotificationSearch.recent().withChannel("chat")
                .withStatus("delivered")).items().size() == 2);
        assertThat(history.search(NotificationSearch.recent().withRecipient("alice")).items())
                .extracting(NotificationRecord::channel).containsExactly("chat");
        assertThat(history.search(NotificationSearch.recent().withAlert("diskf")).items()).hasSize(3);
        assertThat(history.search(NotificationSearch.recent().withSince(Instant.now().plusSeconds(60))).items()).isEmpty();
    }

    @Test
    void pagesFollowOneAnotherUntilTheLast() throws Exception {
        agent.alert("A", "warning", "fp-a", false);
        agent.alert("B", "warning", "fp-b", false);
        NotificationSearch q = NotificationSearch.recent().withLimit(2);
        List<String> ids = new ArrayList<>();
        NotificationPage page = viewer.history().notifications().search(q);
        ids.addAll(page.items().stream().map(NotificationRecord::id).toList());
        int pages = 1;
        while (page.more()) {
            page = viewer.history().notifications().search(q.after(page));
            ids.addAll(page.items().stream().map(NotificationRecord::id).toList());
            pages++;
        }
        assertThat(ids).hasSize(6).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void resendQueuesACopyTheReceiverGetsAndAViewerMayNot() throws Exception {
        agent.alert("Resent", "warning", "fp-resent", false);
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.receiver().received().size() == 2);
        NotificationRecord original = viewer.history().notifications()
                .search(NotificationSearch.recent().withRecipient("alice")).items().getFirst();
        assertThatThrownBy(() -> viewer.history().notifications().resend(original.id()))
                .isInstanceOf(AgentException.class).hasMessageContaining("agent (").hasMessageContaining("HTTP 403")
                .hasMessageContaining("needs operator").hasMessageNotContaining(HistoryAgent.VIEWER);
        NotificationRecord copy = operator.history().notifications().resend(original.id());
        assertThat(copy.id()).isNotEqualTo(original.id());
        assertThat(copy.recipient()).isEqualTo("alice");
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.receiver().received().size() == 3);
        assertThatThrownBy(() -> operator.history().notifications().resend("no-such-id"))
                .hasMessageContaining("has no notification no-such-id");
    }

    @Test
    void resolvedAlertsAndTheirEventsComeNewestFirst() throws Exception {
        agent.alert("Flaky", "critical", "fp-flaky", false);
        agent.alert("Flaky", "critical", "fp-flaky", true);
        List<ResolvedRecord> resolved = viewer.history().alerts().resolvedSince(Instant.now().minusSeconds(3600));
        assertThat(resolved).singleElement().satisfies(r -> {
            assertThat(r.alertname()).isEqualTo("Flaky");
            assertThat(r.severity()).isEqualTo("critical");
            assertThat(r.labels()).containsEntry("instance", "web-1");
            assertThat(r.firingSince()).isNotNull().isBeforeOrEqualTo(r.resolvedAt());
        });
        assertThat(viewer.history().alerts().events("fp-flaky")).extracting(AlertEvent::state).containsExactly("resolved", "firing");
        assertThat(viewer.history().alerts().events("fp-never-seen")).isEmpty();
        assertThat(viewer.history().alerts().events("../../health")).isEmpty();
    }

    @Test
    void aRefusedTokenADownAgentAndNoAgentEachSaySo() throws Exception {
        try (AgentHistoryLive wrong = AgentHistoryLive.connect(agent.endpoint("not-a-token"))) {
            assertThatThrownBy(() -> wrong.history().notifications().search(NotificationSearch.recent()))
                    .hasMessageContaining("agent (").hasMessageContaining("token was refused").hasMessageNotContaining("not-a-token");
        }
        int closed = FreePorts.next();
        try (AgentHistoryLive down = AgentHistoryLive.connect(endpoint("http://127.0.0.1:" + closed + "/"))) {
            assertThatThrownBy(() -> down.history().alerts().resolvedSince(Instant.now()))
                    .hasMessageStartingWith("agent (http://127.0.0.1:" + closed).hasMessageContaining("refused");
        }
        assertThatThrownBy(() -> AgentHistory.none().notifications().search(NotificationSearch.recent()))
                .hasMessageContaining("agent: not configured");
        assertThat(AgentHistory.none().configured()).isFalse();
    }

    @Test
    void anHtmlPageOrBrokenJsonIsABadAnswerNamingTheAgent() throws Exception {
        HttpServer hostile = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hostile.createContext("/html/", ex -> answer(ex, "text/html", "<html><body>502 Bad Gateway</body></html>"));
        hostile.createContext("/json/", ex -> answer(ex, "application/json", "[{\"id\": \"x\", \"createdAt\": 1"));
        hostile.createContext("/shape/", ex -> answer(ex, "application/json", "{\"notifications\": []}"));
        hostile.start();
        String base = "http://127.0.0.1:" + hostile.getAddress().getPort();
        try (AgentHistoryLive html = AgentHistoryLive.connect(endpoint(base + "/html/"));
             AgentHistoryLive json = AgentHistoryLive.connect(endpoint(base + "/json/"));
             AgentHistoryLive shape = AgentHistoryLive.connect(endpoint(base + "/shape/"))) {
            assertThatThrownBy(() -> html.history().notifications().search(NotificationSearch.recent()))
                    .hasMessageContaining("agent (").hasMessageContaining("not JSON (text/html)");
            assertThatThrownBy(() -> json.history().notifications().search(NotificationSearch.recent()))
                    .hasMessageContaining("not valid JSON");
            assertThatThrownBy(() -> shape.history().notifications().search(NotificationSearch.recent()))
                    .hasMessageContaining("expected a list of notifications");
        } finally {
            hostile.stop(0);
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange ex, String type, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private static AgentEndpoint endpoint(String url) {
        return new AgentEndpoint(ConnectionSettings.builder("agent", HttpUrl.get(url)).timeout(Duration.ofSeconds(5))
                .bearerToken(Secret.of("some-token")).build());
    }
}
