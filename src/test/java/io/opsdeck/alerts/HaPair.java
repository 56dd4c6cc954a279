package io.opsdeck.alerts;

import static org.awaitility.Awaitility.await;

import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.alertmanager.PostableAlert;
import io.opsdeck.teststack.RealStack;
import java.time.Duration;
import java.util.List;

/** Clients, fleet (cluster "eu") and workspace over a RealStack's Alertmanager HA pair. */
final class HaPair implements AutoCloseable {

    final AlertmanagerClient peer0;
    final AlertmanagerClient peer1;
    final AlertmanagerFleet fleet;
    final AlertWorkspace workspace;

    HaPair(RealStack stack) {
        peer0 = AlertmanagerClient.builder(stack.alertmanagers().get(0).baseUrl()).name("am-0").build();
        peer1 = AlertmanagerClient.builder(stack.alertmanagers().get(1).baseUrl()).name("am-1").build();
        fleet = AlertmanagerFleet.builder().add("eu", peer0).add("eu", peer1).build();
        workspace = AlertWorkspace.builder(fleet).refreshInterval(Duration.ofSeconds(5)).build();
    }

    /** Posts to both peers, as Prometheus does, and waits until the workspace shows every alert from both. */
    WorkspaceSnapshot post(String run, List<PostableAlert> alerts) {
        peer0.postAlerts(alerts);
        peer1.postAlerts(alerts);
        return await().atMost(Duration.ofSeconds(20)).until(workspace::refresh,
                s -> rows(s, run).size() == alerts.size() && rows(s, run).stream().allMatch(r -> r.sources().size() == 2));
    }

    /** The rows of one test run (label test=run). */
    static List<AlertRow> rows(WorkspaceSnapshot s, String run) {
        return s.rows().stream().filter(r -> r.label("test").equals(run)).toList();
    }

    @Override
    public void close() {
        fleet.close();
    }
}
