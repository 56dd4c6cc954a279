package io.opsdeck.alertmanager;

import static io.opsdeck.alertmanager.TestAlerts.alert;
import static io.opsdeck.alertmanager.TestAlerts.only;
import static io.opsdeck.alertmanager.TestAlerts.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.teststack.AlertmanagerPair;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client against a real Alertmanager 0.25 HA pair: queries, alert states, inhibition, groups. */
class AlertmanagerClientTest {

    @RegisterExtension
    static final AlertmanagerPair PAIR = new AlertmanagerPair();

    @Test
    void statusReportsVersionClusterAndConfig() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            AlertmanagerStatus status = PAIR.peer(0).status();
            assertThat(status.clusterStatus()).isEqualTo("ready");
            assertThat(status.peers()).hasSize(2);
        });
        AlertmanagerStatus status = PAIR.peer(0).status();
        assertThat(status.version()).isEqualTo("0.25.0");
        assertThat(status.clusterName()).isNotBlank();
        assertThat(status.uptime()).isNotNull();
        assertThat(status.configOriginal()).contains("inhibit_rules");
    }

    @Test
    void receiversAreTheConfiguredOnes() {
        assertThat(PAIR.peer(0).receivers()).containsExactlyInAnyOrder("null", "pager");
    }

    @Test
    void aPostedAlertIsListedWithLabelsAnnotationsAndReceivers() {
        String run = unique();
        PAIR.peer(0).postAlerts(List.of(alert(run, "HighLoad", "severity", "critical", "instance", "web-1")));

        List<Alert> alerts = PAIR.peer(0).alerts(AlertQuery.all().withFilter(only(run)));

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.fingerprint()).matches("[0-9a-f]{16}");
            assertThat(a.alertname()).isEqualTo("HighLoad");
            assertThat(a.label("instance")).isEqualTo("web-1");
            assertThat(a.annotation("summary")).isEqualTo("HighLoad on web-1");
            assertThat(a.receivers()).containsExactly("pager");
            assertThat(a.state()).isEqualTo(AlertState.ACTIVE);
            assertThat(a.startsAt()).isBeforeOrEqualTo(a.updatedAt());
            assertThat(a.endsAt()).isAfter(a.startsAt());
        });
    }

    @Test
    void anAlertMatchingASilenceIsSuppressedAndNamesTheSilence() {
        String run = unique();
        PAIR.peer(0).postAlerts(List.of(alert(run, "Quiet", "instance", "db-1"), alert(run, "Loud", "instance", "db-1")));
        String silenceId = PAIR.peer(0).createOrUpdateSilence(TestAlerts.silence(Matcher.equal("test", run),
                Matcher.equal("alertname", "Quiet")));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<Alert> alerts = PAIR.peer(0).alerts(AlertQuery.all().withFilter(only(run)));
            assertThat(alerts).filteredOn(a -> a.alertname().equals("Quiet")).singleElement().satisfies(a -> {
                assertThat(a.state()).isEqualTo(AlertState.SUPPRESSED);
                assertThat(a.status().silencedBy()).containsExactly(silenceId);
            });
            assertThat(alerts).filteredOn(a -> a.alertname().equals("Loud")).singleElement()
                    .satisfies(a -> assertThat(a.status().silencedBy()).isEmpty());
        });
    }

    @Test
    void inhibitionIsVisibleThroughInhibitedBy() {
        String run = unique();
        String instance = "host-" + run;
        PAIR.peer(0).postAlerts(List.of(alert(run, "NodeDown", "instance", instance), alert(run, "DiskFull", "instance", instance)));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<Alert> alerts = PAIR.peer(0).alerts(AlertQuery.all().withFilter(only(run)));
            Alert nodeDown = alerts.stream().filter(a -> a.alertname().equals("NodeDown")).findFirst().orElseThrow();
            Alert diskFull = alerts.stream().filter(a -> a.alertname().equals("DiskFull")).findFirst().orElseThrow();
            assertThat(diskFull.state()).isEqualTo(AlertState.SUPPRESSED);
            assertThat(diskFull.status().inhibitedBy()).containsExactly(nodeDown.fingerprint());
            assertThat(nodeDown.status().inhibitedBy()).isEmpty();
        });
    }

    @Test
    void queryFlagsFilterAndReceiverAreHonoured() {
        String run = unique();
        String instance = "host-" + run;
        PAIR.peer(0).postAlerts(List.of(
                alert(run, "Plain", "severity", "warning"),
                alert(run, "Paged", "severity", "critical"),
                alert(run, "Muted", "severity", "warning"),
                alert(run, "NodeDown", "instance", instance),
                alert(run, "DiskFull", "instance", instance)));
        PAIR.peer(0).createOrUpdateSilence(TestAlerts.silence(Matcher.equal("test", run), Matcher.equal("alertname", "Muted")));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(names(AlertQuery.all().withFilter(only(run))))
                    .containsExactlyInAnyOrder("Plain", "Paged", "Muted", "NodeDown", "DiskFull");
            assertThat(names(AlertQuery.activeOnly().withFilter(only(run))))
                    .containsExactlyInAnyOrder("Plain", "Paged", "NodeDown");
            assertThat(names(AlertQuery.suppressedOnly().withFilter(only(run))))
                    .containsExactlyInAnyOrder("Muted", "DiskFull");
            assertThat(names(AlertQuery.all().withInhibited(false).withFilter(only(run))))
                    .containsExactlyInAnyOrder("Plain", "Paged", "Muted", "NodeDown");
            assertThat(names(AlertQuery.all().withSilenced(false).withFilter(only(run))))
                    .containsExactlyInAnyOrder("Plain", "Paged", "NodeDown", "DiskFull");
        });
        assertThat(names(AlertQuery.all().withFilter(List.of(Matcher.equal("test", run),
                Matcher.parse("alertname=~\"P.*\"")))))
                .containsExactlyInAnyOrder("Plain", "Paged");
        assertThat(names(AlertQuery.all().withFilter(List.of(Matcher.equal("test", run),
                Matcher.parse("severity!=warning")))))
                .containsExactlyInAnyOrder("Paged", "NodeDown", "DiskFull");
        assertThat(names(AlertQuery.all().withReceiver("pag.*").withFilter(only(run)))).containsExactly("Paged");
    }

    @Test
    void alertGroupsFollowTheRouteGroupBy() {
        String run = unique();
        PAIR.peer(0).postAlerts(List.of(alert(run, "Grouped", "instance", "a"), alert(run, "Grouped", "instance", "b"),
                alert(run, "Paged", "severity", "critical")));

        List<AlertGroup> groups = PAIR.peer(0).alertGroups(AlertQuery.all().withFilter(only(run)));

        assertThat(groups).anySatisfy(g -> {
            assertThat(g.labels()).containsEntry("alertname", "Grouped");
            assertThat(g.receiver()).isEqualTo("null");
            assertThat(g.alerts()).extracting(a -> a.label("instance")).containsExactlyInAnyOrder("a", "b");
        });
        assertThat(groups).anySatisfy(g -> {
            assertThat(g.receiver()).isEqualTo("pager");
            assertThat(g.alerts()).extracting(Alert::alertname).containsExactly("Paged");
        });
    }

    private static List<String> names(AlertQuery query) {
        return PAIR.peer(0).alerts(query).stream().map(Alert::alertname).toList();
    }
}
