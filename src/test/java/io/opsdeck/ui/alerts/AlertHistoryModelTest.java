package io.opsdeck.ui.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsdeck.agent.HistoryAgent;
import io.opsdeck.alertmanager.FleetSnapshot;
import io.opsdeck.alerts.AlertRow;
import io.opsdeck.alerts.AlertWorkspace;
import io.opsdeck.alerts.ResolvedAlert;
import io.opsdeck.console.AlertEvent;
import io.opsdeck.console.AlertHistory;
import io.opsdeck.console.live.AgentHistoryLive;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.TaskRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's side of the Alerts workspace, with a same-thread task runner: a real agent, a down one, none. */
class AlertHistoryModelTest {

    private final Messages messages = Messages.english();

    @TempDir
    Path dir;

    private static AlertRow resolvedRow(String fingerprint, Instant resolvedAt) {
        ResolvedAlert r = new ResolvedAlert("eu", fingerprint, Map.of("alertname", "Flaky", "severity", "warning"),
                Map.of(), resolvedAt.minusSeconds(300), resolvedAt);
        return AlertWorkspace.snapshotOf(new FleetSnapshot(List.of(), Map.of(), resolvedAt), null, List.of(r),
                Duration.ofSeconds(10)).rows().getFirst();
    }

    @Test
    void withoutAnAgentBothPartsSaySoAndNothingIsAsked() {
        AlertHistoryModel m = new AlertHistoryModel(AlertHistory.none(), TaskRunner.sameThread(), messages);
        assertThat(m.resolvedNoteProperty().get()).startsWith("No agent is configured");
        m.show(resolvedRow("fp-1", Instant.now()));
        assertThat(m.eventsNoteProperty().get()).startsWith("No agent is configured");
        assertThat(m.eventsProperty().get()).isEmpty();
        m.show(null);
        assertThat(m.eventsNoteProperty().get()).isEmpty();
    }

    @Test
    void theSelectedAlertsEventsComeFromTheAgentNewestFirst() throws Exception {
        try (HistoryAgent agent = new HistoryAgent(dir);
             AgentHistoryLive live = AgentHistoryLive.connect(agent.endpoint(HistoryAgent.VIEWER))) {
            agent.alert("Flaky", "warning", "fp-flaky", false);
            agent.alert("Flaky", "warning", "fp-flaky", true);
            AlertHistoryModel m = new AlertHistoryModel(live.history().alerts(), TaskRunner.sameThread(), messages);
            m.show(resolvedRow("fp-flaky", Instant.now()));
            assertThat(m.eventsProperty().get()).extracting(AlertEvent::state).containsExactly("resolved", "firing");
            assertThat(m.eventsNoteProperty().get()).isEmpty();
            m.show(resolvedRow("fp-unknown", Instant.now()));
            assertThat(m.eventsNoteProperty().get()).isEqualTo("The agent has no history for this alert.");
        }
    }

    @Test
    void theAgentsResolvedAlertsAreFiledUnderTheUnknownClusterNotTheFleetsFirst() throws Exception {
        try (HistoryAgent agent = new HistoryAgent(dir);
             AgentHistoryLive live = AgentHistoryLive.connect(agent.endpoint(HistoryAgent.VIEWER))) {
            agent.alert("DiskFull", "critical", "fp-disk", false);
            agent.alert("DiskFull", "critical", "fp-disk", true);
            List<ResolvedAlert> resolved = new AgentResolvedAlerts(live.history().alerts())
                    .recentlyResolved(Instant.now().minusSeconds(3600));
            assertThat(resolved).singleElement().satisfies(r -> {
                assertThat(r.cluster()).isEqualTo(ResolvedAlert.UNKNOWN_CLUSTER).isEqualTo("agent");
                assertThat(r.fingerprint()).isEqualTo("fp-disk");
                assertThat(r.labels()).containsEntry("alertname", "DiskFull").containsEntry("severity", "critical");
                assertThat(r.startsAt()).isBeforeOrEqualTo(r.resolvedAt());
            });
        }
    }

    @Test
    void aDownAgentIsNamedInTheNotesAndTheWorkspaceKeepsWorking() throws Exception {
        HistoryAgent agent = new HistoryAgent(dir);
        try (AgentHistoryLive live = AgentHistoryLive.connect(agent.endpoint(HistoryAgent.VIEWER))) {
            agent.close();
            AgentResolvedAlerts source = new AgentResolvedAlerts(live.history().alerts());
            AlertHistoryModel m = new AlertHistoryModel(source, TaskRunner.sameThread(), messages);
            // the workspace catches this and shows no resolved rows
            assertThatThrownBy(() -> source.recentlyResolved(Instant.EPOCH)).isInstanceOf(IllegalStateException.class);
            m.refreshed();
            assertThat(m.resolvedNoteProperty().get()).startsWith("Recently resolved alerts unavailable: agent (http://127.0.0.1:");
            m.show(resolvedRow("fp-1", Instant.now()));
            assertThat(m.eventsNoteProperty().get()).startsWith("History unavailable: agent (http://127.0.0.1:");
        }
    }
}
