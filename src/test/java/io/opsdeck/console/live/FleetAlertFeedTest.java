package io.opsdeck.console.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.alertmanager.TestAlerts;
import io.opsdeck.console.ActiveAlert;
import io.opsdeck.simulate.stack.AlertmanagerServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feed behind the top bar's counts, over two real Alertmanager clusters, one of which goes away. */
class FleetAlertFeedTest {

    @TempDir
    Path dir;

    @Test
    void aClusterThatStopsAnsweringKeepsItsAlertsWhileTheOtherClusterIsFollowed() {
        String run = TestAlerts.unique();
        try (AlertmanagerServer eu = AlertmanagerServer.start(dir.resolve("eu"), AlertmanagerServer.NULL_RECEIVER_CONFIG);
             AlertmanagerServer us = AlertmanagerServer.start(dir.resolve("us"), AlertmanagerServer.NULL_RECEIVER_CONFIG);
             AlertmanagerClient euClient = AlertmanagerClient.builder(eu.baseUrl()).name("am-eu").timeout(Duration.ofSeconds(2)).build();
             AlertmanagerClient usClient = AlertmanagerClient.builder(us.baseUrl()).name("am-us").timeout(Duration.ofSeconds(2)).build();
             AlertmanagerFleet fleet = AlertmanagerFleet.builder().add("eu", euClient).add("us", usClient).build();
             FleetAlertFeed feed = new FleetAlertFeed(fleet)) {
            euClient.postAlerts(List.of(TestAlerts.alert(run, "DiskFull", "instance", "db-1", "severity", "critical")));
            usClient.postAlerts(List.of(TestAlerts.alert(run, "NodeDown", "instance", "web-1", "severity", "critical")));
            feed.pollOnce();
            assertThat(feed.current()).extracting(ActiveAlert::alertname, ActiveAlert::cluster)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("DiskFull", "eu"),
                            org.assertj.core.groups.Tuple.tuple("NodeDown", "us"));

            us.close();
            euClient.postAlerts(List.of(TestAlerts.alert(run, "BackupLate", "instance", "db-2", "severity", "warning")));
            feed.pollOnce();
            assertThat(fleet.health().get("am-us").healthy()).as("us is down").isFalse();
            assertThat(feed.current()).extracting(ActiveAlert::alertname)
                    .as("an outage of us is not its alerts resolving; eu's new alert is there")
                    .containsExactlyInAnyOrder("DiskFull", "NodeDown", "BackupLate");
        }
    }
}
