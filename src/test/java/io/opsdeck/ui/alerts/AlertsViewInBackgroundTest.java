package io.opsdeck.ui.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.alertmanager.Alert;
import io.opsdeck.alertmanager.AlertState;
import io.opsdeck.alertmanager.AlertStatus;
import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.alertmanager.FleetSnapshot;
import io.opsdeck.alertmanager.MergedAlert;
import io.opsdeck.alerts.AlertView;
import io.opsdeck.alerts.AlertWorkspace;
import io.opsdeck.alerts.Filter;
import io.opsdeck.alerts.Grouping;
import io.opsdeck.alerts.WorkspaceSnapshot;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.TaskRunner;
import io.opsdeck.ui.common.UiExecutor;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Large snapshots: the view is computed by the task runner's background executor (here a queue the test drains),
 * keystrokes arriving meanwhile coalesce, and only the latest filter's view is applied. The snapshot is built in
 * memory (as the benchmarks do): the fleet is never asked.
 */
class AlertsViewInBackgroundTest {

    private final ArrayDeque<Runnable> background = new ArrayDeque<>();
    private final AlertmanagerFleet fleet = AlertmanagerFleet.builder()
            .add("eu", AlertmanagerClient.builder(URI.create("http://127.0.0.1:9")).name("none").build()).build();
    private final AlertsViewModel vm = new AlertsViewModel(AlertsServices.of(fleet, "test", Clock.systemUTC()),
            new TaskRunner(background::add, UiExecutor.sameThread()), Messages.english());

    @AfterEach
    void close() {
        fleet.close();
    }

    static WorkspaceSnapshot snapshot(int count) {
        Instant now = Instant.now();
        List<MergedAlert> merged = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, String> labels = Map.of("alertname", "Alert" + (i % 7), "instance", "host-" + (i % 300),
                    "severity", i % 3 == 0 ? "critical" : "warning");
            Alert a = new Alert(String.format("%016x", i), labels, Map.of(), now.minusSeconds(i), now.plusSeconds(3600),
                    now, "", List.of("null"), new AlertStatus(AlertState.ACTIVE, List.of(), List.of()));
            merged.add(new MergedAlert(a, "eu", Set.of("am-0")));
        }
        return AlertWorkspace.snapshotOf(new FleetSnapshot(merged, Map.of(), now), null, List.of(), Duration.ofSeconds(30));
    }

    private void drain() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    @Test
    void keystrokesDuringABackgroundViewApplyOnlyTheLatestFilter() {
        WorkspaceSnapshot s = snapshot(AlertFilterModel.BACKGROUND_VIEW_ROWS + 1000);
        AlertView initial = vm.viewProperty().get();
        List<AlertView> applied = new ArrayList<>();
        vm.viewProperty().addListener((o, a, v) -> applied.add(v));

        vm.apply(s);
        vm.filterTextProperty().set("alertname=Alert1");
        vm.filterTextProperty().set("alertname=Alert1 severity=critical");
        assertThat(vm.viewProperty().get()).as("nothing computed on the calling thread").isSameAs(initial);
        assertThat(background).as("one view computed at a time").hasSize(1);

        drain();

        AlertView expected = s.view(Filter.parse("alertname=Alert1 severity=critical"), Grouping.byLabels("alertname"));
        assertThat(applied).as("the stale views are dropped").hasSize(1);
        assertThat(vm.viewProperty().get().matched()).isEqualTo(expected.matched()).isPositive();
        assertThat(vm.viewProperty().get().groups()).isEqualTo(expected.groups());
    }

    @Test
    void smallSnapshotsAreFilteredAtOnce() {
        vm.apply(snapshot(50));
        vm.filterTextProperty().set("severity=critical");
        assertThat(background).isEmpty();
        assertThat(vm.viewProperty().get().matched()).isEqualTo(17);
    }
}
