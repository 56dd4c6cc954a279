package io.opsdeck.ui.alerts;

import static io.opsdeck.alertmanager.TestAlerts.alert;
import static io.opsdeck.alertmanager.TestAlerts.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.agent.RemediationAgent;
import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alerts.AlertRow;
import io.opsdeck.alerts.WorkspaceSnapshot;
import io.opsdeck.alertmanager.TestAlerts;
import io.opsdeck.config.ConfigLoader;
import io.opsdeck.config.OpsdeckConfig;
import io.opsdeck.console.InMemoryPreferences;
import io.opsdeck.console.live.LiveConsole;
import io.opsdeck.teststack.RealStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledgements and silences made from the console reach the agent's audit log: a real Alertmanager, a real
 * in-process agent, and the console's live services built from a configuration naming both.
 */
class ConsoleAuditTrailTest {

    @RegisterExtension
    static final RealStack STACK = RealStack.builder().alertmanagers(1).alertmanagerConfig(TestAlerts.CONFIG).build();

    @TempDir
    static Path dir;
    static RemediationAgent agent;
    static ScheduledExecutorService scheduler;
    static LiveConsole live;

    @BeforeAll
    static void start() throws Exception {
        agent = RemediationAgent.start(Files.createDirectories(dir.resolve("agent")));
        Path file = Files.writeString(dir.resolve("opsdeck.yaml"), """
                operator: nina
                alertmanager:
                  - { name: am-1, url: "%s" }
                agent:
                  url: %s
                  token: ${AGENT_TOKEN}
                """.formatted(STACK.alertmanagers().get(0).baseUrl(), agent.baseUrl()));
        OpsdeckConfig config = ConfigLoader.builder().environment(Map.of("AGENT_TOKEN", "otto-token")).build().load(file);
        scheduler = Executors.newScheduledThreadPool(1, Thread.ofVirtual().factory());
        live = LiveConsole.builder(config, scheduler).preferences(new InMemoryPreferences())
                .secretStore(io.opsdeck.console.ConsoleServices.secretStoreIn(dir.resolve("secrets"))).build();
    }

    @AfterAll
    static void stop() {
        if (live != null) {
            live.close();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void anAcknowledgementAndASilenceFromTheConsoleAreInTheAgentsAuditLog() throws Exception {
        String run = unique();
        try (AlertmanagerClient am = AlertmanagerClient.builder(STACK.alertmanagers().get(0).baseUrl()).build()) {
            am.postAlerts(List.of(alert(run, "DiskFull", "instance", "db-7", "severity", "warning")));
        }
        AlertsServices services = AlertsServices.forConsole(live);
        assertThat(live.services().remediation()).isPresent();
        WorkspaceSnapshot[] snapshot = new WorkspaceSnapshot[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            snapshot[0] = services.workspace().refresh();
            return snapshot[0].rows().stream().anyMatch(r -> run.equals(r.label("test")));
        });
        AlertRow row = snapshot[0].rows().stream().filter(r -> run.equals(r.label("test"))).findFirst().orElseThrow();
        String ackId = services.acknowledger().acknowledge(snapshot[0], List.of(row), "looking at " + run).silenceIds().values().iterator().next();
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.audit(null).contains(ackId));
        String audit = agent.audit(null);
        assertThat(audit).contains("console_acknowledge").contains("looking at " + run).contains("nina").contains("otto");

        var draft = io.opsdeck.alerts.SilenceDraft.forAlert(row, "nina", java.time.Instant.now())
                .withMatchers(List.of(io.opsdeck.alerts.MatcherDraft.equal("test", run))).withComment("maintenance " + run);
        String silenceId = services.silencer().save(draft, snapshot[0], "1").ids().values().iterator().next();
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.audit(null).contains(silenceId));
        assertThat(agent.audit(null)).contains("console_silence_create").contains("maintenance " + run);
    }
}
