package io.opsdeck.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.opsdeck.teststack.LocalReceiver;
import io.opsdeck.teststack.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two agents sharing one real PostgreSQL database through the {@code store:} section of their settings. */
class AgentPostgresTest {

    private static PostgresServer pg;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() {
        pg = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (pg != null) {
            pg.close();
        }
    }

    private String yaml(String database, Path passwordFile, String hookUrl) {
        return """
                agent:
                  listen: 127.0.0.1:0
                  database: %s/unused.db
                  store: {url: '%s', user: %s, password_file: %s}
                  webhook_auth: {bearer: hook-token}
                  delivery: {workers: 2, max_attempts: 3, initial_backoff: 100ms, max_backoff: 300ms}
                  channels:
                    - {name: hook, type: webhook, webhook: {url: '%s'}}
                  routes:
                    - {channels: [hook]}
                """.formatted(dir, pg.url(database), PostgresServer.USER, passwordFile, hookUrl);
    }

    @Test
    void twoAgentsOnOneDatabaseNotifyAnHaPairsAlertOnce() throws Exception {
        String database = pg.createDatabase();
        Path password = Files.writeString(dir.resolve("db-password"), pg.password() + "\n");
        try (LocalReceiver receiver = new LocalReceiver()) {
            String yaml = yaml(database, password, receiver.url("/hook").toString());
            try (Agent first = Agent.start(AgentFixture.settings(yaml)); Agent second = Agent.start(AgentFixture.settings(yaml))) {
                String body = Webhooks.firing("HighCpu", "critical", "fp-pg");
                // each Alertmanager of the pair sends the same notification to a different agent
                assertThat(Webhooks.post(first.baseUrl(), "/api/v1/alertmanager/webhook", "hook-token", body).code()).isEqualTo(200);
                assertThat(Webhooks.post(second.baseUrl(), "/api/v1/alertmanager/webhook", "hook-token", body).json()
                        .path("new").asInt()).isZero();
                await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received().size() >= 1);
                Thread.sleep(1000);
                assertThat(receiver.received()).hasSize(1);
                assertThat(receiver.received().get(0).body()).contains("fp-pg");
            }
        }
        assertThat(dir.resolve("unused.db")).doesNotExist();
    }

    @Test
    void storeSectionErrorsNameTheProblemWithoutThePassword() throws Exception {
        String database = pg.createDatabase();
        Path wrong = Files.writeString(dir.resolve("wrong-password"), "hunter2-wrong\n");
        String yaml = yaml(database, wrong, "http://127.0.0.1:1/hook");
        assertThatThrownBy(() -> Agent.start(AgentFixture.settings(yaml)).close())
                .hasMessageContaining("password authentication failed")
                .hasMessageNotContaining("hunter2-wrong");
        String missing = yaml(database, dir.resolve("no-such-file"), "http://127.0.0.1:1/hook");
        assertThatThrownBy(() -> Agent.start(AgentFixture.settings(missing)).close())
                .hasMessageContaining("store.password_file " + dir.resolve("no-such-file"));
        assertThatThrownBy(() -> AgentFixture.settings(missing.replace("jdbc:postgresql://", "jdbc:mysql://")))
                .hasMessageContaining("store.url must be jdbc:postgresql://host:port/database");
    }
}
