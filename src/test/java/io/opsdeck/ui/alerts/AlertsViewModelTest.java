package io.opsdeck.ui.alerts;

import static io.opsdeck.alertmanager.TestAlerts.alert;
import static io.opsdeck.alertmanager.TestAlerts.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.alerts.AlertRow;
import io.opsdeck.alerts.RowGroup;
import io.opsdeck.alerts.RowState;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.TaskRunner;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Alerts view model on a real Alertmanager HA pair, with a same-thread task runner and no toolkit. */
class AlertsViewModelTest {

    @RegisterExtension
    static final AlertPair PAIR = new AlertPair();
    private final Messages messages = Messages.english();

    private AlertsViewModel shown(String run) {
        AlertsViewModel vm = new AlertsViewModel(PAIR.services, TaskRunner.sameThread(), messages);
        vm.filterTextProperty().set("test=" + run);
        vm.activate();
        return vm;
    }

    private static List<AlertRow> rows(AlertsViewModel vm) {
        return vm.viewProperty().get().groups().stream().flatMap(g -> g.rows().stream()).toList();
    }

    @Test
    void alertsFromBothHaPeersAreListedOnceGroupedByAlertname() {
        String run = unique();
        PAIR.post(List.of(alert(run, "HostDown", "instance", "web-1", "severity", "critical"),
                alert(run, "HostDown", "instance", "web-2", "severity", "critical"),
                alert(run, "DiskFull", "instance", "db-1", "severity", "warning")));
        AlertsViewModel vm = shown(run);

        List<RowGroup> groups = vm.viewProperty().get().groups();
        assertThat(groups).extracting(RowText::groupTitle).containsExactlyInAnyOrder("HostDown", "DiskFull");
        RowGroup hostDown = groups.stream().filter(g -> RowText.groupTitle(g).equals("HostDown")).findFirst().orElseThrow();
        assertThat(hostDown.size()).isEqualTo(2);
        assertThat(hostDown.count(io.opsdeck.alerts.Severity.CRITICAL)).isEqualTo(2);
        assertThat(rows(vm)).hasSize(3).allSatisfy(r -> assertThat(r.sources()).hasSize(2));

        vm.groupingProperty().set("instance");
        assertThat(vm.viewProperty().get().groups()).extracting(RowText::groupTitle)
                .containsExactlyInAnyOrder("web-1", "web-2", "db-1");
    }

    @Test
    void aBrokenFilterShowsItsErrorWhileTheLastGoodFilterStaysApplied() {
        String run = unique();
        PAIR.post(List.of(alert(run, "HostDown", "instance", "web-1"), alert(run, "DiskFull", "instance", "db-1")));
        AlertsViewModel vm = shown(run);
        assertThat(rows(vm)).hasSize(2);

        vm.filterTextProperty().set("test=" + run + " instance=web-1");
        assertThat(rows(vm)).extracting(AlertRow::alertname).containsExactly("HostDown");
        assertThat(vm.filterErrorProperty().get()).isEmpty();

        // Free text that cannot occur in the run's hex id (a "db" once matched it and made this test flaky).
        vm.filterTextProperty().set("test=" + run + " di");
        vm.filterTextProperty().set("test=" + run + " disk");
        assertThat(rows(vm)).extracting(AlertRow::alertname).containsExactly("DiskFull");
        vm.filterTextProperty().set("test=" + run + " instance=web-1");
        vm.filterTextProperty().set("test=" + run + " instance=~\"web-(\"");
        assertThat(vm.filterErrorProperty().get()).contains("col ").contains("invalid regex");
        assertThat(rows(vm)).extracting(AlertRow::alertname).containsExactly("HostDown");
    }

    @Test
    void acknowledgingTheSelectedRowCreatesOneAckSilenceOnBothPeersAndTheRowShowsIt() {
        String run = unique();
        PAIR.post(List.of(alert(run, "HostDown", "instance", "web-1"), alert(run, "HostDown", "instance", "web-2")));
        AlertsViewModel vm = shown(run);
        AlertRow web1 = rows(vm).stream().filter(r -> r.label("instance").equals("web-1")).findFirst().orElseThrow();
        vm.selectedRowProperty().set(web1);
        assertThat(vm.detailProperty().get().row().key()).isEqualTo(web1.key());

        vm.acknowledge();

        assertThat(vm.messageProperty().get()).startsWith("Acknowledged");
        await().atMost(Duration.ofSeconds(10)).until(() -> AlertPair.activeSilences(PAIR.peer(0), run).size() == 1
                && AlertPair.activeSilences(PAIR.peer(1), run).size() == 1);
        assertThat(AlertPair.activeSilences(PAIR.peer(0), run).getFirst().comment()).startsWith("ACK!");
        assertThat(AlertPair.activeSilences(PAIR.peer(0), run).getFirst().createdBy()).isEqualTo("ana");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            vm.refresh();
            return vm.selected().map(r -> r.state() == RowState.ACKNOWLEDGED).orElse(false);
        });
        assertThat(RowText.state(vm.selected().orElseThrow(), vm.now(), messages))
                .as("who, how long ago, time left of the 15 min default").matches("acked by ana \\d+ s ago, 1[45]m left");
        assertThat(rows(vm)).filteredOn(r -> r.label("instance").equals("web-2"))
                .extracting(AlertRow::state).containsExactly(RowState.FIRING);
    }

    @Test
    void acknowledgingWithNothingSelectedSaysSoAndSendsNothing() {
        String run = unique();
        PAIR.post(List.of(alert(run, "HostDown", "instance", "web-1")));
        AlertsViewModel vm = shown(run);
        vm.acknowledge();
        assertThat(vm.messageProperty().get()).isEqualTo(messages.get("alerts.selectFirst"));
        assertThat(AlertPair.activeSilences(PAIR.peer(0), run)).isEmpty();
    }

    @Test
    void aHiddenViewDoesNotRefresh() {
        String run = unique();
        AlertsViewModel vm = shown(run);
        vm.deactivate();
        PAIR.post(List.of(alert(run, "HostDown", "instance", "web-1")));
        vm.refresh();
        assertThat(rows(vm)).isEmpty();
        vm.activate();
        assertThat(rows(vm)).hasSize(1);
    }
}
