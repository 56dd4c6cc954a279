package io.opsdeck.alerts;

import static io.opsdeck.alertmanager.TestAlerts.alert;
import static io.opsdeck.alertmanager.TestAlerts.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.alertmanager.TestAlerts;
import io.opsdeck.simulate.stack.AlertmanagerServer;
import io.opsdeck.teststack.RealStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A cluster whose only Alertmanager goes away: its alerts stay, turn stale, and the other cluster is untouched. */
class WorkspaceSourceDownRealStackTest {

    @RegisterExtension
    static final RealStack STACK = RealStack.builder().alertmanagers(2).alertmanagerConfig(TestAlerts.CONFIG).build();

    @TempDir
    Path dir;

    @Test
    void aSourceThatGoesDownMarksItsAlertsStaleAndKeepsTheOthers() throws Exception {
        String run = unique();
        Duration interval = Duration.ofMillis(300);
        AlertmanagerServer lonely = AlertmanagerServer.start(dir.resolve("us"), TestAlerts.CONFIG);
        try (AlertmanagerFleet fleet = AlertmanagerFleet.builder()
                .add("eu", AlertmanagerClient.builder(STACK.alertmanagers().get(0).baseUrl()).name("am-eu-0").build())
                .add("eu", AlertmanagerClient.builder(STACK.alertmanagers().get(1).baseUrl()).name("am-eu-1").build())
                .add("us", AlertmanagerClient.builder(lonely.baseUrl()).name("am-us").build())
                .build()) {
            try (AlertmanagerClient eu = AlertmanagerClient.builder(STACK.alertmanagers().get(0).baseUrl()).build();
                 AlertmanagerClient us = AlertmanagerClient.builder(lonely.baseUrl()).build()) {
                eu.postAlerts(List.of(alert(run, "EuAlert", "instance", "web-1")));
                us.postAlerts(List.of(alert(run, "UsAlert", "instance", "web-2"), alert(run, "UsOther", "instance", "web-3")));
            }
            AlertWorkspace workspace = AlertWorkspace.builder(fleet).refreshInterval(interval).build();
            WorkspaceSnapshot before = workspace.refresh();
            assertThat(names(before, run, false)).containsExactly("EuAlert", "UsAlert", "UsOther");
            assertThat(names(before, run, true)).isEmpty();

            lonely.close();
            WorkspaceSnapshot justDown = workspace.refresh();
            assertThat(justDown.failedSources()).extracting(h -> h.source()).containsExactly("am-us");
            assertThat(names(justDown, run, false)).as("last known alerts stay").containsExactly("EuAlert", "UsAlert", "UsOther");
            assertThat(names(justDown, run, true)).as("not stale within two intervals").isEmpty();

            Thread.sleep(interval.multipliedBy(2).plusMillis(100).toMillis());
            WorkspaceSnapshot later = workspace.refresh();
            assertThat(names(later, run, true)).containsExactly("UsAlert", "UsOther");
            assertThat(names(later, run, false)).containsExactly("EuAlert", "UsAlert", "UsOther");
            AlertView stale = later.view(Filter.parse("test=" + run + " @stale"), Grouping.byLabels("cluster"));
            assertThat(stale.groups()).singleElement().satisfies(g -> {
                assertThat(g.key().values()).containsExactly("us");
                assertThat(g.size()).isEqualTo(2);
            });
        } finally {
            lonely.close();
        }
    }

    private static List<String> names(WorkspaceSnapshot s, String run, boolean stale) {
        return s.rows().stream().filter(r -> r.label("test").equals(run) && (!stale || r.stale()))
                .map(AlertRow::alertname).sorted().toList();
    }
}
