package io.opsdeck.console.live;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsdeck.agent.HistoryAgent;
import io.opsdeck.http.ConnectionSettings;
import io.opsdeck.http.HttpClients;
import java.nio.file.Path;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's status-bar indicator against a real agent: green only when the console's own calls would work, so a
 * refused token (every history, remediation and notification call failing) is not shown as a healthy agent.
 */
class AgentProbeTest {

    @TempDir
    Path dir;
    private HistoryAgent agent;

    @BeforeEach
    void start() throws Exception {
        agent = new HistoryAgent(dir);
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void anAgentThatServesTheConsolesTokenIsHealthy() throws Exception {
        ConnectionSettings viewer = agent.endpoint(HistoryAgent.VIEWER).connection();
        try (Probe probe = new Probe(viewer)) {
            assertThatCode(probe::check).doesNotThrowAnyException();
        }
    }

    @Test
    void aRefusedTokenIsAnErrorThatSaysSoWithoutTheToken() throws Exception {
        ConnectionSettings wrong = agent.endpoint("not-a-token").connection();
        try (Probe probe = new Probe(wrong)) {
            assertThatThrownBy(probe::check).isInstanceOf(SourceException.class)
                    .hasMessageContaining("the token was refused; check agent.token")
                    .hasMessageContaining("/api/v1/notifications")
                    .hasMessageNotContaining("not-a-token");
        }
    }

    @Test
    void aStoppedAgentIsRefused() throws Exception {
        ConnectionSettings viewer = agent.endpoint(HistoryAgent.VIEWER).connection();
        agent.close();
        agent = null;
        try (Probe probe = new Probe(viewer)) {
            assertThatThrownBy(probe::check).isInstanceOf(SourceException.class).hasMessageStartingWith("agent (");
        }
    }

    /** The probe with the client the console makes for it. */
    private static final class Probe implements AutoCloseable {
        private final OkHttpClient http;
        private final AgentProbe probe;

        Probe(ConnectionSettings connection) {
            http = HttpClients.forSource(connection);
            probe = new AgentProbe(connection, http);
        }

        void check() throws SourceException {
            probe.check();
        }

        @Override
        public void close() {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
