package io.opsdeck.ui.alerts;

import static org.awaitility.Awaitility.await;

import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.alertmanager.PostableAlert;
import io.opsdeck.alertmanager.Silence;
import io.opsdeck.alertmanager.SilenceState;
import io.opsdeck.alerts.AlertWorkspace;
import io.opsdeck.teststack.RealStack;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** A real Alertmanager HA pair (cluster "eu") and the UI services over it, acting as operator "ana". */
final class AlertPair implements AutoCloseable {

    final AlertmanagerClient peer0;
    final AlertmanagerClient peer1;
    final AlertmanagerFleet fleet;
    final AlertsServices services;

    AlertPair(RealStack stack) {
        peer0 = AlertmanagerClient.builder(stack.alertmanagers().get(0).baseUrl()).name("am-0").build();
        peer1 = AlertmanagerClient.builder(stack.alertmanagers().get(1).baseUrl()).name("am-1").build();
        fleet = AlertmanagerFleet.builder().add("eu", peer0).add("eu", peer1).build();
        AlertsServices defaults = AlertsServices.of(fleet, "ana", Clock.systemUTC());
        services = new AlertsServices(AlertWorkspace.builder(fleet).refreshInterval(Duration.ofSeconds(2)).build(),
                defaults.acknowledger(), defaults.silencer(), defaults.details(), "ana", Clock.systemUTC());
    }

    /** Posts to both peers, as Prometheus does, and waits until both list them. */
    void post(List<PostableAlert> alerts) {
        peer0.postAlerts(alerts);
        peer1.postAlerts(alerts);
        String run = alerts.getFirst().labels().get("test");
        await().atMost(Duration.ofSeconds(20)).until(() -> count(peer0, run) == alerts.size() && count(peer1, run) == alerts.size());
    }

    private static long count(AlertmanagerClient c, String run) {
        return c.alerts(io.opsdeck.alertmanager.AlertQuery.all()).stream().filter(a -> run.equals(a.label("test"))).count();
    }

    /** Active silences on one peer whose matchers mention the run. */
    static List<Silence> activeSilences(AlertmanagerClient peer, String run) {
        return peer.silences().stream().filter(s -> s.state() == SilenceState.ACTIVE)
                .filter(s -> s.matchers().stream().anyMatch(m -> m.value().contains(run))).toList();
    }

    @Override
    public void close() {
        fleet.close();
    }
}
