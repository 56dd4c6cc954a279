package io.opsdeck.alertmanager;

import static io.opsdeck.alertmanager.TestAlerts.alert;
import static io.opsdeck.alertmanager.TestAlerts.only;
import static io.opsdeck.alertmanager.TestAlerts.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.teststack.RealStack;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stops one peer of its own HA pair: the other keeps answering and the fleet says which one failed. */
class AlertmanagerFleetPeerDownTest {

    @RegisterExtension
    static final RealStack STACK = RealStack.builder().alertmanagers(2).alertmanagerConfig(TestAlerts.CONFIG).build();

    @Test
    void aStoppedPeerShowsItsErrorWhileTheOtherPeersAlertsAndSilencesStay() {
        AlertmanagerClient alive = AlertmanagerClient.builder(STACK.alertmanagers().get(0).baseUrl()).name("am-alive").build();
        AlertmanagerClient doomed = AlertmanagerClient.builder(STACK.alertmanagers().get(1).baseUrl()).name("am-doomed").build();
        // The doomed peer first, so the silence below must fall back to the live one.
        try (AlertmanagerFleet fleet = AlertmanagerFleet.builder().add("eu", doomed).add("eu", alive).build()) {
            String run = unique();
            alive.postAlerts(List.of(alert(run, "StillHere")));
            doomed.postAlerts(List.of(alert(run, "StillHere")));
            Instant lastGood = fleet.alerts(AlertQuery.all().withFilter(only(run))).health().get("am-doomed").lastSuccess();
            assertThat(lastGood).isNotNull();

            STACK.alertmanagers().get(1).close();

            String id = fleet.createSilenceOnCluster("eu", TestAlerts.silence(Matcher.equal("test", run),
                    Matcher.equal("alertname", "Unrelated")));
            assertThat(alive.silence(id)).isPresent();

            FleetSnapshot snapshot = fleet.alerts(AlertQuery.all().withFilter(only(run)));
            assertThat(snapshot.alerts()).singleElement().satisfies(m -> {
                assertThat(m.alert().alertname()).isEqualTo("StillHere");
                assertThat(m.sources()).containsExactly("am-alive");
            });
            SourceHealth down = snapshot.health().get("am-doomed");
            assertThat(down.healthy()).isFalse();
            assertThat(down.lastError()).startsWith("Alertmanager am-doomed at " + STACK.alertmanagers().get(1).baseUrl())
                    .contains("is unreachable");
            assertThat(down.lastSuccess()).isEqualTo(lastGood);
            assertThat(down.lastAttempt()).isAfter(lastGood);
            assertThat(snapshot.health().get("am-alive").healthy()).isTrue();
            assertThat(snapshot.failedSources()).extracting(SourceHealth::source).containsExactly("am-doomed");
            assertThat(snapshot.anySourceAnswered()).isTrue();

            SilenceSnapshot silences = fleet.silences(only(run));
            assertThat(silences.silences()).singleElement().satisfies(s -> {
                assertThat(s.silence().id()).isEqualTo(id);
                assertThat(s.sources()).containsExactly("am-alive");
            });
            assertThat(silences.failedSources()).extracting(SourceHealth::source).containsExactly("am-doomed");
        }
    }
}
